import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openClinicDatabase } from '../db/database.ts';
import { type LocalDatabase, openLocalDatabase } from '../db/local-db.ts';
import { getBlobUrl } from './blob-store.ts';
import {
  forgetBlobsOf,
  forgetRefusedBlob,
  purgedBlobs,
  recheckCachedBlob,
} from './forget-blobs.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000a';
const editor = { userId: 'u1', name: 'Ana', deviceId: DEVICE };

let local: LocalDatabase;
let n = 0;
beforeEach(() => {
  local = openLocalDatabase(`forgettest${n++}`);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await local.delete();
});

/** A PNG-looking file, different for every seed, and its reference. */
function file(seed: number): { bytes: Uint8Array<ArrayBuffer>; ref: BlobRef } {
  const bytes = new Uint8Array(32).fill(seed);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, ref: { sha256, type: 'image/png', size: bytes.byteLength } };
}

/** Keeps the file on this device, as a download or a photo taken here would. */
async function cache(seed: number, { queued = false } = {}): Promise<BlobRef> {
  const { bytes, ref } = file(seed);
  await local.blobs.put({ ...ref, data: new Blob([bytes]), cachedAt: '2026-03-02T09:00:00.000Z' });
  if (queued)
    await local.uploads.put({
      sha256: ref.sha256,
      attempts: 0,
      nextTryAt: 0,
      lastError: null,
      failed: false,
    });
  return ref;
}

const cachedBlobs = async () => (await local.blobs.toArray()).map((blob) => blob.sha256).sort();
const queuedBlobs = async () => (await local.uploads.toArray()).map((u) => u.sha256).sort();

const patient = (id: number, photo: BlobRef) => ({
  id: `019abc00-0000-7000-8000-00000000000${id}`,
  givenName: 'Rowan',
  familyName: 'Ashby',
  dateOfBirth: '1990-07-01',
  sex: 'male',
  phone: '+15550100123',
  photo,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});

/** A server answering every HEAD or GET with `status` (or unreachable, for null). */
function serverAnswering(status: number | null) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) =>
    status === null
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(
          new Response(null, { status, headers: { 'content-type': 'application/json' } }),
        ),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('files leave the device with the records a role may no longer read', () => {
  it('forgets the files only purged records referred to, and their waiting uploads', async () => {
    const name = `purgetest${n}`;
    const photo = await cache(1);
    const unsent = await cache(2, { queued: true });
    // Taken for a registration not saved yet: no record refers to it.
    const forForm = await cache(3, { queued: true });
    const before = await openClinicDatabase('u1', editor, { storage: getRxStorageDexie(), name });
    await before.patients.bulkInsert([patient(1, photo), patient(2, unsent)] as never[]);
    await before.close();

    // The person's role no longer reads patients: the collection is purged on opening.
    const purged = purgedBlobs();
    const db = await openClinicDatabase('u1', editor, {
      storage: getRxStorageDexie(),
      name,
      readable: ['visits', 'chartMerges'],
      beforePurge: purged.beforePurge,
    });
    const forgotten = await purged.forget(local, db);

    expect(await db.patients.count().exec()).toBe(0);
    expect(forgotten).toEqual([photo.sha256, unsent.sha256].sort());
    expect(await cachedBlobs()).toEqual([forForm.sha256]);
    expect(await queuedBlobs()).toEqual([forForm.sha256]);
    await db.remove();
  });

  it('keeps a file a record still on the device refers to', async () => {
    const [photo, card] = [await cache(4), await cache(5)];
    const kept = [{ id: 'kept', scans: [{ front: card }] }];

    const forgotten = await forgetBlobsOf(local, new Set([photo.sha256, card.sha256]), kept);

    expect(forgotten).toEqual([photo.sha256]);
    expect(await cachedBlobs()).toEqual([card.sha256]);
  });

  it('forgets nothing when nothing was purged', async () => {
    await cache(6);
    const db = await openClinicDatabase('u1', editor, {
      storage: getRxStorageDexie(),
      name: `nopurge${n}`,
      readable: ['patients', 'visits', 'chartMerges'],
    });
    expect(await purgedBlobs().forget(local, db)).toEqual([]);
    expect(await cachedBlobs()).toHaveLength(1);
    await db.remove();
  });
});

describe('a file the server will not give this person', () => {
  it('leaves the cache, unless it waits here for its upload', async () => {
    const downloaded = await cache(7);
    const unsent = await cache(8, { queued: true });

    expect(await forgetRefusedBlob(local, downloaded.sha256)).toBe(true);
    expect(await forgetRefusedBlob(local, unsent.sha256)).toBe(false);

    expect(await cachedBlobs()).toEqual([unsent.sha256]);
  });

  it.each([
    [404, 'gone, or not for this person'],
    [403, 'no files for this role'],
  ])('is forgotten when the server answers %i on a recheck (%s)', async (status) => {
    const ref = await cache(status);
    const fetch = serverAnswering(status);

    expect(await recheckCachedBlob(local, ref.sha256, DEVICE)).toBe(true);

    expect(fetch.mock.calls[0]?.[1]?.method).toBe('HEAD');
    expect(await cachedBlobs()).toEqual([]);
  });

  it('stays when the server has it for this person, or cannot be reached', async () => {
    const readable = await cache(20);
    const offline = await cache(21);

    serverAnswering(200);
    expect(await recheckCachedBlob(local, readable.sha256, DEVICE)).toBe(false);
    serverAnswering(null);
    expect(await recheckCachedBlob(local, offline.sha256, DEVICE)).toBe(false);
    expect(await cachedBlobs()).toEqual([readable.sha256, offline.sha256].sort());

    // Offline was no answer: the next look asks again, and a 404 then forgets it.
    serverAnswering(404);
    expect(await recheckCachedBlob(local, offline.sha256, DEVICE)).toBe(true);
    // The readable one was answered already and is not asked about again.
    expect(await recheckCachedBlob(local, readable.sha256, DEVICE)).toBe(false);
    expect(await cachedBlobs()).toEqual([readable.sha256]);
  });

  it('is not asked about while it waits for its upload', async () => {
    const unsent = await cache(22, { queued: true });
    const fetch = serverAnswering(404);

    expect(await recheckCachedBlob(local, unsent.sha256, DEVICE)).toBe(false);

    expect(fetch).not.toHaveBeenCalled();
    expect(await cachedBlobs()).toEqual([unsent.sha256]);
  });

  it('is shown from the cache once more, then forgotten when the server answers 404', async () => {
    const ref = await cache(23);
    serverAnswering(404);

    const shown = await getBlobUrl(local, ref, DEVICE);

    expect(shown.ok).toBe(true);
    await vi.waitFor(async () => expect(await cachedBlobs()).toEqual([]));
  });
});
