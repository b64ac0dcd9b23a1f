/**
 * The behaviour every BlobStorage must have, run against each implementation (the folder and
 * PostgreSQL) by its own `*.test.ts`. The upload limit, the checksum and the type are checked by
 * the blob service on its way into storage; the cases that refuse bytes go through it, so each
 * storage is seen to store nothing of what the service refuses.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { createBlobService } from '../../services/blob.service.ts';
import type { BlobStorage } from './blob-storage.ts';

export type OpenedBlobStorage = {
  storage: BlobStorage;
  /** Another storage over the same files: a second server instance, or the same after a restart. */
  another: () => Promise<BlobStorage>;
  cleanup: () => Promise<void>;
};

/** A PNG's signature and header, then `size - 16` bytes of `seed`. */
export function pngOf(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(seed);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A stream of the given parts; an Error part errors the stream there (a broken upload). */
export function streamOf(...parts: (Uint8Array | Error)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next === undefined) controller.close();
      else if (next instanceof Error) controller.error(next);
      else controller.enqueue(next);
    },
  });
}

/** `bytes` in parts of `size` bytes, the last one shorter. */
function partsOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += size) parts.push(bytes.subarray(at, at + size));
  return parts;
}

async function bytesOf(body: ReadableStream<Uint8Array> | undefined): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

export function describeBlobStorageContract(name: string, open: () => Promise<OpenedBlobStorage>) {
  describe(`${name} blob storage contract`, () => {
    let opened: OpenedBlobStorage;
    let storage: BlobStorage;
    const others: BlobStorage[] = [];
    beforeEach(async () => {
      opened = await open();
      storage = opened.storage;
    });
    afterEach(async () => {
      await Promise.all(others.splice(0).map((other) => other.close()));
      await storage.close();
      await opened.cleanup();
    });
    const another = async () => {
      const other = await opened.another();
      others.push(other);
      return other;
    };

    const FILE = pngOf(40_000);
    const SHA = sha256Of(FILE);
    const REF = { sha256: SHA, type: 'image/png', size: FILE.byteLength };

    it('stores a file sent in parts and gives back the same bytes, and its reference', async () => {
      const stored = await storage.put(SHA, 'image/png', streamOf(...partsOf(FILE, 7_001)));

      expect(stored).toEqual({ outcome: 'created', ref: REF });
      expect(await storage.has(SHA)).toEqual(REF);
      const blob = await storage.get(SHA);
      expect({ ...blob, body: undefined }).toEqual({ ...REF, body: undefined });
      expect(await bytesOf(blob?.body)).toEqual(FILE);
    });

    it('reads a file back through another storage over the same files', async () => {
      await storage.put(SHA, 'image/png', streamOf(FILE));

      const other = await another();
      expect(await other.has(SHA)).toEqual(REF);
      expect(await bytesOf((await other.get(SHA))?.body)).toEqual(FILE);
    });

    it('keeps the first copy of a file stored twice, and leaves the second body unread', async () => {
      await storage.put(SHA, 'image/png', streamOf(FILE));
      let pulled = false;
      let cancelled = false;
      const again = new ReadableStream<Uint8Array>(
        {
          pull: () => {
            pulled = true;
          },
          cancel: () => {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );

      expect(await storage.put(SHA, 'image/png', again)).toEqual({ outcome: 'existed', ref: REF });
      expect({ pulled, cancelled }).toEqual({ pulled: false, cancelled: true });
    });

    it('stores nothing of an upload that breaks off, and takes the file whole next time', async () => {
      await expect(
        storage.put(SHA, 'image/png', streamOf(FILE.subarray(0, 9_000), new Error('reset'))),
      ).rejects.toThrow('reset');

      expect(await storage.has(SHA)).toBeNull();
      expect(await storage.get(SHA)).toBeNull();
      expect((await storage.put(SHA, 'image/png', streamOf(FILE))).outcome).toBe('created');
      expect(await bytesOf((await storage.get(SHA))?.body)).toEqual(FILE);
    });

    it('shows no reader a file until all of it is stored', async () => {
      let release!: () => void;
      const rest = new Promise<void>((resolve) => (release = resolve));
      let sentFirst!: () => void;
      const firstSent = new Promise<void>((resolve) => (sentFirst = resolve));
      let step = 0;
      const slow = new ReadableStream<Uint8Array>({
        async pull(controller) {
          step++;
          if (step === 1) {
            controller.enqueue(FILE.subarray(0, 20_000));
            sentFirst();
          } else if (step === 2) {
            await rest;
            controller.enqueue(FILE.subarray(20_000));
          } else controller.close();
        },
      });

      // Opened first: a folder storage clears what it finds staged when it opens.
      const other = await another();
      const storing = storage.put(SHA, 'image/png', slow);
      await firstSent;
      expect(await storage.has(SHA)).toBeNull();
      expect(await other.get(SHA)).toBeNull();
      release();

      expect((await storing).outcome).toBe('created');
      expect(await bytesOf((await other.get(SHA))?.body)).toEqual(FILE);
    });

    it('stores the same file sent by two at once once, whole', async () => {
      const other = await another();
      const [a, b] = await Promise.all([
        storage.put(SHA, 'image/png', streamOf(...partsOf(FILE, 10_000))),
        other.put(SHA, 'image/png', streamOf(...partsOf(FILE, 3_000))),
      ]);

      expect([a.ref, b.ref]).toEqual([REF, REF]);
      expect([a.outcome, b.outcome]).toContain('created');
      expect(await bytesOf((await storage.get(SHA))?.body)).toEqual(FILE);
    });

    it('removes a file, which no storage over the same files serves afterwards', async () => {
      await storage.put(SHA, 'image/png', streamOf(FILE));
      const other = await another();

      expect(await storage.remove(SHA)).toBe(true);
      expect(await storage.has(SHA)).toBeNull();
      expect(await other.has(SHA)).toBeNull();
      expect(await other.get(SHA)).toBeNull();
      expect(await other.remove(SHA)).toBe(false);
    });

    it('takes nothing but a SHA-256 digest for an address', async () => {
      for (const address of ['../../etc/passwd', SHA.toUpperCase(), SHA.slice(1), ''])
        for (const call of [
          () => storage.has(address),
          () => storage.get(address),
          () => storage.put(address, 'image/png', streamOf(FILE)),
          () => storage.remove(address),
        ])
          await expect(call()).rejects.toThrow('SHA-256');
    });

    describe('through the blob service, which checks what it stores', () => {
      const service = () => createBlobService({ storage });

      it('refuses bytes that do not hash to their address and stores nothing', async () => {
        const damaged = Uint8Array.from(FILE);
        damaged[30_000] = 0xff;

        const result = await service().put({ sha256: SHA, type: 'image/png', body: streamOf(damaged) }); // prettier-ignore

        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        expect(result.ok || result.error.message).toContain('does not match the address');
        expect(await storage.has(SHA)).toBeNull();
        expect(await storage.get(SHA)).toBeNull();
      });

      it('refuses a file whose bytes are not of the type it was sent as, and stores nothing', async () => {
        const result = await service().put({ sha256: SHA, type: 'image/jpeg', body: streamOf(FILE) }); // prettier-ignore

        expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-media-type' } });
        expect(await storage.has(SHA)).toBeNull();
      });

      it('refuses a file over the limit, sent without a length, and stores nothing', async () => {
        const oversized = pngOf(BLOB_MAX_BYTES + 1);
        const sha256 = sha256Of(oversized);

        const result = await service().put({
          sha256,
          type: 'image/png',
          body: streamOf(...partsOf(oversized, 1024 * 1024)),
        });

        expect(result).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
        expect(await storage.has(sha256)).toBeNull();
      });

      it('stores a file that checks out, once, however often it is sent', async () => {
        const first = await service().put({ sha256: SHA, type: 'image/png', body: streamOf(FILE) }); // prettier-ignore
        const second = await service().put({ sha256: SHA, type: 'image/png', body: streamOf(FILE) }); // prettier-ignore

        expect(first).toEqual({ ok: true, value: { created: true, ref: REF } });
        expect(second).toEqual({ ok: true, value: { created: false, ref: REF } });
      });
    });
  });
}
