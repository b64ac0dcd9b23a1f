import { describe, expect, it } from 'vitest';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { patient, TEST_START } from '../test-support.ts';
import type { Store } from './store.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const SHA = 'a'.repeat(64);
const doc = (id: string, kind: string, fields: Record<string, unknown> = {}): WireDocument => ({
  id,
  kind,
  _deleted: false,
  ...fields,
});

/** What record scopes need of a store (ADR 15): records by kind, referrers of a file, re-announcing. */
export function describeRecordScopeContract(store: () => Store) {
  describe('record scopes', () => {
    const push = (docs: WireDocument[]) =>
      store().push(
        'filing',
        docs.map((next) => ({ next })),
        WRITER,
        TEST_START,
      );

    it('reads the current records of some kinds, tombstones included, by id', async () => {
      await push([doc('c2', 'category'), doc('f1', 'filedDocument'), doc('c1', 'category', { _deleted: true })]); // prettier-ignore
      const found = await store().currentOfKinds('filing', ['category']);
      expect(found.map((d) => [d.id, d._deleted])).toEqual([
        ['c1', true],
        ['c2', false],
      ]);
      expect(await store().currentOfKinds('patients', ['category'])).toEqual([]);
    });

    it('finds the records of one collection whose current state refers to a file', async () => {
      const ref = { sha256: SHA, type: 'application/pdf', size: 10 };
      await push([doc('f1', 'filedDocument', { file: ref }), doc('f2', 'filedDocument')]);
      await store().push('patients', [{ next: patient(1, { photo: { ...ref, type: 'image/png' } }) }], WRITER, TEST_START); // prettier-ignore
      expect((await store().referencingDocuments(SHA, 'filing')).map((d) => d.id)).toEqual(['f1']);
    });

    it('announces records again under new seqs, unchanged', async () => {
      await push([doc('f1', 'filedDocument', { title: 'A' }), doc('f2', 'filedDocument')]);
      const last = await store().reannounce('filing', ['f1', 'missing']);
      expect(last).toBe(3);
      const page = await store().pull('filing', 2, 10);
      expect(page.documents).toEqual([doc('f1', 'filedDocument', { title: 'A' })]);
      expect(page.lastSeq).toBe(3);
      // A write after it takes the next seq: the order stays commit order.
      expect((await push([doc('f3', 'filedDocument')])).written).toEqual([{ id: 'f3', seq: 4 }]);
      expect(await store().reannounce('filing', [])).toBe(0);
    });
  });
}
