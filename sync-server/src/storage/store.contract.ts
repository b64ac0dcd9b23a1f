/**
 * The behaviour every Store must have, run against each implementation (SQLite today,
 * PostgreSQL later) by its own `*.test.ts`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { patient, TEST_START } from '../test-support.ts';
import { describeAccountsContract } from './accounts.contract.ts';
import { describeBlobReferencesContract } from './blob-references.contract.ts';
import { describeChartStoreContract } from './chart-store.contract.ts';
import { describeRecordScopeContract } from './record-scope.contract.ts';
import { describeSecondFactorContract } from './second-factor.contract.ts';
import { describeThrottlingContract } from './throttling.contract.ts';
import type { Store } from './store.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

export function describeStoreContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>,
) {
  describe(`${name} store contract`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const push = (rows: { assumed?: WireDocument | null; next: WireDocument }[]) =>
      store.push('patients', rows, WRITER, at(0));

    describeChartStoreContract(() => store);
    describeSecondFactorContract(() => store);
    describeBlobReferencesContract(() => store);
    describeRecordScopeContract(() => store);
    describeAccountsContract(() => store);
    describeThrottlingContract(() => store);

    describe('documents', () => {
      it('stores a new document in canonical form under the next seq', async () => {
        const doc = patient(1);
        expect(await push([{ next: doc }])).toEqual({
          conflicts: [],
          written: [{ id: doc.id, seq: 1 }],
          rejected: [],
        });
        const page = await store.pull('patients', 0, 10);
        expect(page.lastSeq).toBe(1);
        expect(page.documents.map((stored) => JSON.stringify(stored))).toEqual([
          canonicalJson(doc),
        ]);
      });

      it('gives every write of one push its own rising seq', async () => {
        const outcome = await push([1, 2, 3].map((n) => ({ next: patient(n) })));
        expect(outcome.written.map((write) => write.seq)).toEqual([1, 2, 3]);
        const second = await push([{ next: patient(4) }]);
        expect(second.written[0]?.seq).toBe(4);
      });

      it('writes a change based on the stored state, and moves it to the end', async () => {
        await push([{ next: patient(1) }, { next: patient(2) }]);
        const edited = { ...patient(1), givenName: 'Grace' };
        const outcome = await push([{ assumed: patient(1), next: edited }]);
        expect(outcome).toEqual({
          conflicts: [],
          written: [{ id: edited.id, seq: 3 }],
          rejected: [],
        });
        const page = await store.pull('patients', 0, 10);
        expect(page.documents).toEqual([patient(2), edited]);
      });

      it('returns the stored state for a stale or missing assumed state, and writes nothing', async () => {
        const current = { ...patient(1), givenName: 'Grace' };
        await push([{ next: patient(1) }]);
        await push([{ assumed: patient(1), next: current }]);
        const outcome = await push([
          { assumed: patient(1), next: { ...patient(1), givenName: 'Hope' } },
          { next: { ...patient(1), givenName: 'Iris' } },
          { assumed: null, next: { ...patient(1), givenName: 'June' } },
        ]);
        expect(outcome).toEqual({
          conflicts: [current, current, current],
          written: [],
          rejected: [],
        });
        expect((await store.pull('patients', 0, 10)).documents).toEqual([current]);
      });

      it('never moves a record back to a state it has left, and answers with the current one', async () => {
        // A pushes v1 → v2; the answer is lost. B then writes v3 on top of v2. A retries v1 → v2.
        const v1 = patient(1);
        const v2 = { ...v1, phone: '+15552010122' };
        const v3 = { ...v2, email: 'b@example.org' };
        await push([{ next: v1 }]);
        await push([{ assumed: v1, next: v2 }]);
        await push([{ assumed: v2, next: v3 }]);
        // The answer itself carries v3, marked as superseding v2 (A merges with v2 as base);
        // nothing is written or announced, so no pull can bring v3 to A before the answer does.
        expect(await push([{ assumed: v1, next: v2 }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
          superseded: [v1.id],
        });
        expect(await store.pull('patients', 3, 10)).toEqual({ documents: [], lastSeq: 3 });
        // A stale copy pushed as if based on the current state is not written either.
        expect(await push([{ assumed: v3, next: v1 }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
          superseded: [v1.id],
        });
        expect(await store.pull('patients', 0, 10)).toEqual({ documents: [v3], lastSeq: 3 });
        // A change the server never stored is still judged against the current state.
        const unseen = { ...v1, phone: '+15552010133' };
        expect(await push([{ assumed: v1, next: unseen }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
        });
      });

      it('counts the documents a pull would still send after a checkpoint, in one collection', async () => {
        await push([{ next: patient(1) }, { next: patient(2) }, { next: patient(3) }]);
        expect(await store.countAfter('patients', 0)).toBe(3);
        expect(await store.countAfter('patients', 2)).toBe(1);
        expect(await store.countAfter('patients', 3)).toBe(0);
        // An edit moves its document past the checkpoint: it is counted again, once.
        await push([{ assumed: patient(1), next: { ...patient(1), phone: '+15552010199' } }]);
        expect(await store.countAfter('patients', 3)).toBe(1);
        expect(await store.countAfter('patients', 0)).toBe(3);
        expect(await store.countAfter('visits', 0)).toBe(0);
      });

      it('says which of some ids a collection holds, tombstones included', async () => {
        await push([{ next: patient(1) }, { next: patient(2, { _deleted: true }) }]);
        const ids = [patient(1).id, patient(2).id, patient(3).id];
        expect(await store.storedIds('patients', ids)).toEqual(new Set([patient(1).id, patient(2).id])); // prettier-ignore
        expect(await store.storedIds('visits', ids)).toEqual(new Set());
        expect(await store.storedIds('patients', [])).toEqual(new Set());
      });

      it('treats a push of the stored state as done: no conflict, no new seq', async () => {
        await push([{ next: patient(1) }]);
        const outcome = await push([
          { assumed: { ...patient(1), givenName: 'Old' }, next: patient(1) },
        ]);
        // The answer says at which seq the server holds that state (ADR 7: a device that pulled a
        // later state meanwhile must not take its own for the server's).
        expect(outcome).toEqual({
          conflicts: [],
          written: [],
          rejected: [],
          alreadyStored: [{ id: patient(1).id, seq: 1 }],
        });
        expect((await store.pull('patients', 0, 10)).lastSeq).toBe(1);
      });

      it('judges each row against the stored state inside the push, and stores nothing it refuses', async () => {
        await push([{ next: patient(1) }]);
        const seen: [string | null, string][] = [];
        const outcome = await store.push(
          'patients',
          [
            { assumed: patient(1), next: { ...patient(1), givenName: 'Grace' } },
            { next: patient(2) },
            { next: patient(3) },
          ],
          WRITER,
          at(0),
          (stored, next) => {
            seen.push([stored ? String(stored.givenName) : null, next.id]);
            return next.id === patient(3).id ? null : { code: 'forbidden', message: 'No' };
          },
        );
        expect(seen).toEqual([
          ['Ada', patient(1).id],
          [null, patient(2).id],
          [null, patient(3).id],
        ]);
        expect(outcome).toEqual({
          conflicts: [],
          written: [{ id: patient(3).id, seq: 2 }],
          rejected: [
            { id: patient(1).id, code: 'forbidden', message: 'No' },
            { id: patient(2).id, code: 'forbidden', message: 'No' },
          ],
        });
        expect((await store.pull('patients', 0, 10)).documents).toEqual([patient(1), patient(3)]);
      });

      it('judges a refused change once more with every earlier state of the record', async () => {
        const v1 = patient(1);
        const v2 = { ...v1, givenName: 'Grace' };
        const v3 = { ...v2, givenName: 'Hope' };
        await push([{ next: v1 }]);
        await push([{ assumed: v1, next: v2 }]);
        const judged: string[][] = [];
        const outcome = await store.push(
          'patients',
          [{ assumed: v2, next: v3 }],
          WRITER,
          at(0),
          (stored, next, earlier) => {
            if (stored === next) return null;
            judged.push((earlier ?? []).map((state) => String(state.givenName)));
            return earlier ? null : { code: 'forbidden', message: 'Not without history' };
          },
        );
        expect(judged).toEqual([[], ['Ada', 'Grace']]);
        expect(outcome.written).toEqual([{ id: v1.id, seq: 3 }]);
        expect(outcome.rejected).toEqual([]);
      });

      it('keeps tombstones', async () => {
        await push([{ next: patient(1) }]);
        const tombstone = { ...patient(1), _deleted: true };
        await push([{ assumed: patient(1), next: tombstone }]);
        expect((await store.pull('patients', 0, 10)).documents).toEqual([tombstone]);
      });

      it('gives a page as stored JSON text, exactly what pull gives serialised', async () => {
        const accented = { ...patient(2), givenName: 'Zoë', familyName: 'O’Brien-Núñez' };
        await push([{ next: patient(1) }, { next: accented }]);
        await push([{ assumed: patient(1), next: { ...patient(1), _deleted: true } }]);
        const page = await store.pull('patients', 0, 10);
        const json = await store.pullJson('patients', 0, 10);
        expect(json.lastSeq).toBe(page.lastSeq);
        expect(json.documents).toEqual(page.documents.map((doc) => JSON.stringify(doc)));
        // Each document's seq, in order: the tombstone was written last.
        expect(json.seqs).toEqual([2, 3]);
        expect(await store.pullJson('patients', page.lastSeq, 10)).toEqual({
          documents: [],
          seqs: [],
          lastSeq: page.lastSeq,
        });
      });

      it('pages by seq and reports the input seq when nothing is newer', async () => {
        await push([1, 2, 3, 4, 5].map((n) => ({ next: patient(n) })));
        const first = await store.pull('patients', 0, 2);
        const second = await store.pull('patients', first.lastSeq, 2);
        const third = await store.pull('patients', second.lastSeq, 2);
        const done = await store.pull('patients', third.lastSeq, 2);
        expect([first, second, third, done].map((page) => page.documents.length)).toEqual([
          2, 2, 1, 0,
        ]);
        expect(done.lastSeq).toBe(5);
      });

      it('writes nothing at all when a push fails part-way', async () => {
        const broken = { ...patient(2), id: { not: 'a string' } } as unknown as WireDocument;
        await expect(push([{ next: patient(1) }, { next: broken }])).rejects.toThrow();
        expect(await store.pull('patients', 0, 10)).toEqual({ documents: [], lastSeq: 0 });
        expect((await push([{ next: patient(3) }])).written[0]?.seq).toBe(1);
      });
    });
  });
}
