import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openClinicDatabase } from '../db/database.ts';
import { type LocalDatabase, openLocalDatabase } from '../db/local-db.ts';
import { forgetBlobsOnDelete } from './forget-on-delete.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000a';
const editor = { userId: 'u1', name: 'Ana', deviceId: DEVICE };

let local: LocalDatabase;
let n = 0;
beforeEach(() => {
  local = openLocalDatabase(`forgetondelete${n++}`);
});
afterEach(() => local.delete());

async function cache(seed: number): Promise<BlobRef> {
  const bytes = new Uint8Array(32).fill(seed);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ref = { sha256: createHash('sha256').update(bytes).digest('hex'), type: 'image/png' as const, size: 32 }; // prettier-ignore
  await local.blobs.put({ ...ref, data: new Blob([bytes]), cachedAt: '2026-03-02T09:00:00.000Z' });
  return ref;
}

const patient = (id: number, photo: BlobRef) => ({
  id: `019abc00-0000-7000-8000-00000000000${id}`,
  kind: 'patient',
  givenName: 'Rowan',
  familyName: 'Ashby',
  dateOfBirth: '1990-07-01',
  sex: 'male',
  photo,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});

describe('files leave the device with the records that leave it', () => {
  it('forgets the file only a deleted record referred to, and keeps one still in use', async () => {
    const db = await openClinicDatabase('u1', editor, { storage: getRxStorageDexie(), name: `fod${n}` }); // prettier-ignore
    const [own, shared] = [await cache(1), await cache(2)];
    await db.patients.bulkInsert([patient(1, own), patient(2, shared), patient(3, shared)] as never[]); // prettier-ignore
    const watch = forgetBlobsOnDelete(db, local);

    await db.patients.findOne(patient(1, own).id).remove();
    await db.patients.findOne(patient(2, shared).id).remove();

    await vi.waitFor(async () =>
      expect((await local.blobs.toArray()).map((b) => b.sha256)).toEqual([shared.sha256]),
    );
    watch.unsubscribe();
    await db.remove();
  });
});
