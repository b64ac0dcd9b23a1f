import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { describe, expect, it } from 'vitest';
import type { RowAuthoriser } from './store.ts';
import { decideWrite, needsHistory, type WriteFacts } from './write-rule.ts';

const v1: WireDocument = { id: 'p1', _deleted: false, phone: '1' };
const v2: WireDocument = { ...v1, phone: '2' };

/** Facts for pushing v2 over a record whose stored state is `current` (hash = its phone). */
function facts(overrides: Partial<WriteFacts> = {}): WriteFacts {
  return {
    next: v2,
    nextHash: 'h2',
    assumedHash: 'h1',
    current: { doc: v1, hash: 'h1', seq: 1 },
    hadNextState: false,
    ...overrides,
  };
}

const FORBIDDEN = { code: 'forbidden' as const, message: 'no' };

describe('decideWrite, the server’s one write rule', () => {
  it('writes a change based on the stored state, and a new record', () => {
    expect(decideWrite(facts())).toEqual({ kind: 'write' });
    expect(decideWrite(facts({ current: null, assumedHash: null }))).toEqual({ kind: 'write' });
  });

  it('takes a retry of the stored state as done', () => {
    expect(decideWrite(facts({ current: { doc: v2, hash: 'h2', seq: 2 } }))).toEqual({ kind: 'already-stored', seq: 2 }); // prettier-ignore
  });

  it('answers a state the record has left with the current one, superseded, even if "assumed" matches', () => {
    const current = { doc: { ...v2, phone: '3' }, hash: 'h3', seq: 3 };
    expect(decideWrite(facts({ current, hadNextState: true, assumedHash: 'h3' }))).toEqual({ kind: 'superseded', current: current.doc }); // prettier-ignore
  });

  it('answers a change based on another state with the stored one, to merge', () => {
    expect(decideWrite(facts({ assumedHash: 'h0' }))).toEqual({ kind: 'conflict', current: v1 });
  });

  it('refuses a record the person may not touch before saying anything about it', () => {
    const authorise: RowAuthoriser = () => FORBIDDEN;
    expect(decideWrite(facts({ assumedHash: 'h0', authorise }))).toEqual({ kind: 'refuse', refusal: FORBIDDEN }); // prettier-ignore
  });

  it('takes a pulled copy pushed back as done, even from someone who may not write the record', () => {
    // RxDB's upstream may push a record it pulled as it started, with no assumed state.
    const authorise: RowAuthoriser = () => FORBIDDEN;
    const current = { doc: v2, hash: 'h2', seq: 2 };
    expect(decideWrite(facts({ current, assumedHash: null, authorise }))).toEqual({ kind: 'already-stored', seq: 2 }); // prettier-ignore
    // Anything else from them is still refused.
    expect(decideWrite(facts({ assumedHash: 'h1', authorise }))).toEqual({ kind: 'refuse', refusal: FORBIDDEN }); // prettier-ignore
  });

  it('takes a withdrawal pushed back as done, and never the record itself from outside its scope', () => {
    const authorise: RowAuthoriser = () => FORBIDDEN;
    const current = { doc: v2, hash: 'h2', seq: 2 };
    // What the device was sent is the withdrawal (hash hw), not the record.
    const withdrawal = { next: { id: 'p1', _deleted: true }, nextHash: 'hw' };
    expect(decideWrite(facts({ ...withdrawal, current, assumedHash: null, authorise, sentHash: 'hw' }))).toEqual({ kind: 'already-stored', seq: 2 }); // prettier-ignore
    // The record's own state, pushed by someone it is withdrawn from, tells them nothing.
    expect(decideWrite(facts({ current, assumedHash: null, authorise, sentHash: 'hw' }))).toEqual({ kind: 'refuse', refusal: FORBIDDEN }); // prettier-ignore
    // A withdrawal-shaped state is never stored: not for a record that does not exist, not over one.
    const invalid = {
      code: 'invalid-document' as const,
      message: 'The document does not match the schema',
    };
    expect(decideWrite(facts({ ...withdrawal, current: null, assumedHash: null, unlessSent: invalid }))).toEqual({ kind: 'refuse', refusal: invalid }); // prettier-ignore
    expect(decideWrite(facts({ ...withdrawal, unlessSent: invalid }))).toEqual({ kind: 'refuse', refusal: invalid }); // prettier-ignore
  });

  it('judges a refused write once more with the earlier states, then decides for good', () => {
    // Refused against the stored state alone, allowed once the earlier states are in view.
    const authorise: RowAuthoriser = (stored, next, earlier) =>
      stored === next || earlier?.length ? null : FORBIDDEN;
    expect(decideWrite(facts({ authorise }))).toEqual({ kind: 'judge-with-earlier' });
    expect(decideWrite(facts({ authorise, earlier: [v1] }))).toEqual({ kind: 'write' });
    const never: RowAuthoriser = (stored, next) => (stored === next ? null : FORBIDDEN);
    expect(decideWrite(facts({ authorise: never, earlier: [] }))).toEqual({ kind: 'refuse', refusal: FORBIDDEN }); // prettier-ignore
    // A new record has no earlier states to look at.
    expect(decideWrite(facts({ authorise: never, current: null, assumedHash: null }))).toEqual({ kind: 'refuse', refusal: FORBIDDEN }); // prettier-ignore
  });

  it('asks for the record’s history only when the stored state differs from the pushed one', () => {
    expect(needsHistory(facts())).toBe(true);
    expect(needsHistory(facts({ current: { doc: v2, hash: 'h2', seq: 2 } }))).toBe(false);
    expect(needsHistory(facts({ current: null }))).toBe(false);
  });
});
