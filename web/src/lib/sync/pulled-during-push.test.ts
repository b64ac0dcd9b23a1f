import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { describe, expect, it } from 'vitest';
import { PulledDuringPush } from './pulled-during-push.ts';

const mine: WireDocument = { id: 'p1', _deleted: false, phone: '1' };
const rows = [{ assumedMasterState: null, newDocumentState: mine }];
const theirs = (phone: string): WireDocument => ({ ...mine, phone });

describe('PulledDuringPush', () => {
  it('hands back a state pulled during the push that came after it, to merge from the pushed one', () => {
    const tracker = new PulledDuringPush();
    tracker.started(rows);
    tracker.pulledPage({ documents: [theirs('2'), theirs('3')], seqs: [5, 9] });
    expect(tracker.finished(rows, { conflicts: [], stored: [{ id: 'p1', seq: 7 }] })).toEqual({
      conflicts: [theirs('3')],
      superseded: ['p1'],
    });
  });

  it('keeps quiet about a state from before the push, one pulled when no push was on its way, and after', () => {
    const tracker = new PulledDuringPush();
    tracker.pulledPage({ documents: [theirs('0')], seqs: [99] });
    tracker.started(rows);
    tracker.pulledPage({ documents: [theirs('2')], seqs: [5] });
    expect(tracker.finished(rows, { conflicts: [], stored: [{ id: 'p1', seq: 7 }] }).conflicts).toEqual([]); // prettier-ignore
    // Done with: the next push starts afresh.
    tracker.started(rows);
    expect(tracker.finished(rows, { conflicts: [], stored: [{ id: 'p1', seq: 1 }] }).conflicts).toEqual([]); // prettier-ignore
  });

  it('adds nothing for a row the server already answered with a conflict, or a failed push', () => {
    const tracker = new PulledDuringPush();
    tracker.started(rows);
    tracker.pulledPage({ documents: [theirs('3')], seqs: [9] });
    expect(tracker.finished(rows, { conflicts: [theirs('3')], stored: [] }).conflicts).toEqual([]);
    tracker.started(rows);
    tracker.pulledPage({ documents: [theirs('4')], seqs: [10] });
    expect(tracker.finished(rows, null).conflicts).toEqual([]);
  });
});
