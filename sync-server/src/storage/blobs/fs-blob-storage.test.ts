import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test-support.ts';
import { describeBlobStorageContract, streamOf } from './blob-storage.contract.ts';
import { openFsBlobStorage } from './fs-blob-storage.ts';

let root: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  root = await createTempDir();
});
afterEach(() => root.remove());

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
const SHA = createHash('sha256').update(JPEG).digest('hex');

async function files(): Promise<string[]> {
  const entries = await readdir(root.path, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the filesystem blob storage', () => {
  it('keeps the bytes at ab/cd/<sha256> with their reference beside them', async () => {
    const storage = await openFsBlobStorage(root.path);

    const stored = await storage.put(
      SHA,
      'image/jpeg',
      streamOf(JPEG.subarray(0, 5), JPEG.subarray(5)),
    );

    expect(stored).toEqual({
      outcome: 'created',
      ref: { sha256: SHA, type: 'image/jpeg', size: 12 },
    });
    const folder = join(root.path, SHA.slice(0, 2), SHA.slice(2, 4));
    expect((await files()).sort()).toEqual([join(folder, SHA), join(folder, `${SHA}.json`)]);
    const blob = await storage.get(SHA);
    expect(new Uint8Array(await new Response(blob?.body).arrayBuffer())).toEqual(JPEG);
  });

  it('leaves nothing behind when the upload breaks off', async () => {
    const storage = await openFsBlobStorage(root.path);

    await expect(
      storage.put(SHA, 'image/jpeg', streamOf(JPEG.subarray(0, 5), new Error('connection reset'))),
    ).rejects.toThrow('connection reset');

    expect(await storage.has(SHA)).toBeNull();
    expect(await files()).toEqual([]);
  });

  it('clears uploads a crash left half-written when it opens', async () => {
    await openFsBlobStorage(root.path);
    await writeFile(join(root.path, 'tmp', 'cut-off-upload'), JPEG.subarray(0, 4));

    await openFsBlobStorage(root.path);

    expect(await files()).toEqual([]);
  });

  it('counts a reference whose bytes never arrived as absent, and the next upload repairs it', async () => {
    const storage = await openFsBlobStorage(root.path);
    await storage.put(SHA, 'image/jpeg', streamOf(JPEG));
    // A crash between the two renames: the reference is in place, the bytes are not.
    await rm(join(root.path, SHA.slice(0, 2), SHA.slice(2, 4), SHA));

    expect(await storage.has(SHA)).toBeNull();
    expect(await storage.get(SHA)).toBeNull();
    expect((await storage.put(SHA, 'image/jpeg', streamOf(JPEG))).outcome).toBe('created');
    expect(await storage.has(SHA)).toEqual({ sha256: SHA, type: 'image/jpeg', size: 12 });
  });

  it('removes a blob, bytes and reference, and takes a second removal calmly', async () => {
    const storage = await openFsBlobStorage(root.path);
    await storage.put(SHA, 'image/jpeg', streamOf(JPEG));
    expect(await storage.remove(SHA)).toBe(true);
    expect(await storage.has(SHA)).toBeNull();
    expect((await files()).filter((path) => path.includes(SHA))).toEqual([]);
    expect(await storage.remove(SHA)).toBe(false);
  });
});

describeBlobStorageContract('filesystem', async () => {
  const folder = await createTempDir();
  return {
    storage: await openFsBlobStorage(folder.path),
    another: () => openFsBlobStorage(folder.path),
    cleanup: folder.remove,
  };
});
