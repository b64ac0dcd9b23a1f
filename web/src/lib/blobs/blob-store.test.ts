import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDatabase, openLocalDatabase } from '../db/local-db.ts';
import { storeLocalBlob } from './blob-store.ts';

let local: LocalDatabase;
let n = 0;
beforeEach(() => {
  local = openLocalDatabase(`blobtest${n++}`);
});
afterEach(() => local.delete());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('storeLocalBlob', () => {
  it('keeps the bytes and queues their upload, typed by their content', async () => {
    // The browser's guess says text; the bytes say PNG, and the bytes win.
    const result = await storeLocalBlob(local, new Blob([PNG], { type: 'text/plain' }));

    expect(result).toEqual({
      ok: true,
      value: { sha256: sha256(PNG), type: 'image/png', size: PNG.byteLength },
    });
    const kept = await local.blobs.get(sha256(PNG));
    expect(kept).toMatchObject({ type: 'image/png', size: PNG.byteLength });
    expect(new Uint8Array(await (kept?.data ?? new Blob()).arrayBuffer())).toEqual(PNG);
    expect(await local.uploads.toArray()).toEqual([
      { sha256: sha256(PNG), attempts: 0, nextTryAt: 0, lastError: null, failed: false },
    ]);
  });

  it('queues the same bytes once, however often they are stored', async () => {
    await storeLocalBlob(local, new Blob([PNG]));
    await local.uploads.update(sha256(PNG), { attempts: 3, nextTryAt: 99 });

    await storeLocalBlob(local, new Blob([PNG]));

    expect(await local.uploads.toArray()).toMatchObject([{ attempts: 3, nextTryAt: 99 }]);
    expect(await local.blobs.count()).toBe(1);
  });

  it.each([
    ['an HTML page', new Blob(['<!doctype html><p>hi</p>']), 'unsupported-type'],
    ['an empty file', new Blob([]), 'empty'],
    ['a file over 15 MB', new Blob([PNG, new Uint8Array(BLOB_MAX_BYTES)]), 'too-large'],
  ])('refuses %s and keeps nothing', async (_what, file, code) => {
    const result = await storeLocalBlob(local, file);

    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await local.blobs.count()).toBe(0);
    expect(await local.uploads.count()).toBe(0);
  });
});
