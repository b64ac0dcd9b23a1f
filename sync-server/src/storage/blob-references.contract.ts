/**
 * Files by reference (issue 11, point 5), on every store: which stored records refer to a file,
 * written with each push, and who uploaded it.
 */
import { describe, expect, it } from 'vitest';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { patient, TEST_START } from '../test-support.ts';
import type { Store } from './store.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const PHOTO = 'c'.repeat(64);
const CARD = 'd'.repeat(64);
const ref = (sha256: string) => ({ sha256, type: 'image/jpeg' as const, size: 100 });

export function describeBlobReferencesContract(store: () => Store) {
  describe('files by reference', () => {
    const push = (rows: { assumed?: WireDocument | null; next: WireDocument }[]) =>
      store().push('patients', rows, WRITER, TEST_START);

    it('records the files each stored state refers to, and replaces them with the next', async () => {
      expect(await store().blobAccess(PHOTO, 'user-1')).toEqual({ referencedIn: [], uploadedByUser: false }); // prettier-ignore
      const v1 = patient(1, { photo: ref(PHOTO) });
      await push([{ next: v1 }]);
      expect((await store().blobAccess(PHOTO, 'user-1')).referencedIn).toEqual(['patients']);

      // The photo is replaced: the old file is referred to no more, the new one is.
      const v2 = { ...v1, photo: ref(CARD), updatedAt: '2026-03-01T11:00:00.000Z' };
      await push([{ assumed: v1, next: v2 }]);
      expect((await store().blobAccess(PHOTO, 'user-1')).referencedIn).toEqual([]);
      expect((await store().blobAccess(CARD, 'user-1')).referencedIn).toEqual(['patients']);
    });

    it('writes no reference for a change it does not store', async () => {
      const v1 = patient(2);
      await push([{ next: v1 }]);
      // Based on a state the server never had: a conflict, nothing written.
      const stale = { ...v1, givenName: 'Old', photo: ref(PHOTO) };
      await push([{ assumed: { ...v1, givenName: 'Other' }, next: stale }]);
      expect((await store().blobAccess(PHOTO, 'user-1')).referencedIn).toEqual([]);
    });

    it('offers for collection only files no stored state refers to, uploaded before the cut-off', async () => {
      const day = (n: number) => new Date(TEST_START.getTime() + n * 86_400_000);
      await store().recordBlobUpload(PHOTO, 'user-1', day(0));
      await store().recordBlobUpload(CARD, 'user-1', day(0));
      const other = 'e'.repeat(64);
      await store().recordBlobUpload(other, 'user-1', day(5));
      // The card is on a record now; an earlier version referred to nothing.
      const v1 = patient(3);
      await push([{ next: v1 }]);
      await push([{ assumed: v1, next: { ...v1, photo: ref(CARD), updatedAt: '2026-03-01T12:00:00.000Z' } }]); // prettier-ignore
      expect(await store().unreferencedBlobs(day(1), 10)).toEqual([PHOTO]);
      expect(await store().unreferencedBlobs(day(6), 10)).toEqual([PHOTO, other]);
      expect(await store().unreferencedBlobs(day(6), 1)).toEqual([PHOTO]);
      // The card leaves the record, but its version keeps it (the server keeps every version).
      const v2 = { ...v1, updatedAt: '2026-03-01T13:00:00.000Z' };
      await push([{ assumed: { ...v1, photo: ref(CARD), updatedAt: '2026-03-01T12:00:00.000Z' }, next: v2 }]); // prettier-ignore
      expect(await store().unreferencedBlobs(day(6), 10)).toEqual([PHOTO, other]);
      await store().forgetBlobUploads(PHOTO);
      expect(await store().unreferencedBlobs(day(6), 10)).toEqual([other]);
    });

    it('remembers who uploaded a file, once, and only them', async () => {
      await store().recordBlobUpload(PHOTO, 'user-1', TEST_START);
      await store().recordBlobUpload(PHOTO, 'user-1', TEST_START);
      expect((await store().blobAccess(PHOTO, 'user-1')).uploadedByUser).toBe(true);
      expect((await store().blobAccess(PHOTO, 'user-2')).uploadedByUser).toBe(false);
    });
  });
}
