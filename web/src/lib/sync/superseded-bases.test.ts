import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { RxConflictHandler } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { mergingFromSupersededBases, SupersededBases } from './superseded-bases.ts';

const v1: WireDocument = {
  id: 'p1',
  _deleted: false,
  phone: '1',
  updatedAt: '2026-03-02T09:00:00Z',
};
const v2: WireDocument = { ...v1, phone: '2', updatedAt: '2026-03-02T09:01:00Z' };
const v3: WireDocument = { ...v2, phone: '3', updatedAt: '2026-03-02T09:02:00Z' };

/** A handler that says which base it was given, so the test sees what the merge started from. */
const seesBase: RxConflictHandler<WireDocument> = {
  isEqual: (a, b) => a === b,
  resolve: (input) => Promise.resolve({ ...input.realMasterState, base: input.assumedMasterState?.phone ?? null }),
}; // prettier-ignore

describe('SupersededBases', () => {
  it('merges from the pushed state once the server says it stored it and moved on', async () => {
    const bases = new SupersededBases();
    const handler = mergingFromSupersededBases(seesBase, bases);
    const rows = [{ assumedMasterState: v1, newDocumentState: v2 }];
    bases.pushing(rows);
    bases.answered(rows, ['p1']);
    const merged = await handler.resolve({ assumedMasterState: v1, realMasterState: v3, newDocumentState: v2 }, 'test'); // prettier-ignore
    expect(merged.base).toBe('2');
  });

  it('keeps the assumed state as base when the server said nothing, or of another record', async () => {
    const bases = new SupersededBases();
    const handler = mergingFromSupersededBases(seesBase, bases);
    const rows = [{ assumedMasterState: v1, newDocumentState: v2 }];
    bases.answered(rows, undefined);
    bases.answered(rows, ['someone-else']);
    const merged = await handler.resolve({ assumedMasterState: v1, realMasterState: v3, newDocumentState: v2 }, 'test'); // prettier-ignore
    expect(merged.base).toBe('1');
  });

  it('forgets the pushed state once a push names another assumed state (the merge was stored)', async () => {
    const bases = new SupersededBases();
    const handler = mergingFromSupersededBases(seesBase, bases);
    bases.answered([{ assumedMasterState: v1, newDocumentState: v2 }], ['p1']);
    bases.pushing([
      { assumedMasterState: v3, newDocumentState: { ...v3, email: 'x@example.org' } },
    ]);
    const merged = await handler.resolve({ assumedMasterState: v1, realMasterState: v3, newDocumentState: v2 }, 'test'); // prettier-ignore
    expect(merged.base).toBe('1');
  });

  it('knows a created record whose creation was superseded (no assumed state)', async () => {
    const bases = new SupersededBases();
    const handler = mergingFromSupersededBases(seesBase, bases);
    bases.answered([{ assumedMasterState: null, newDocumentState: v1 }], ['p1']);
    const merged = await handler.resolve({ realMasterState: v3, newDocumentState: v1 }, 'test');
    expect(merged.base).toBe('1');
  });
});
