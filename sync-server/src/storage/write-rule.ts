import type { RowRejection, WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { canonicalDocument } from './document-hash.ts';
import type { PushOutcome, RowAuthoriser } from './store.ts';

/** A record's stored state, as an adapter read it (locked) inside the push's transaction. */
export type StoredState = { doc: WireDocument; hash: string; seq: number };

/** What an adapter read about one pushed row; the rule decides from these alone. */
export type WriteFacts = {
  next: WireDocument;
  /** Hash of the pushed state's canonical JSON: exactly what would be stored. */
  nextHash: string;
  /** Hash of the state the device based its change on; null for a record it created. */
  assumedHash: string | null;
  current: StoredState | null;
  /**
   * Whether the record was ever stored in exactly the pushed state. Adapters look it up only
   * when `needsHistory` says so (a current state that differs from the pushed one).
   */
  hadNextState: boolean;
  authorise?: RowAuthoriser | undefined;
  /**
   * Hash of the current state as the pusher's device was sent it: the state itself, or its
   * withdrawal when the record is out of the pusher's scope (see `SentAs`). Absent: the state.
   */
  sentHash?: string | undefined;
  /** A state that may not be stored: done when it is what was sent, else refused with this. */
  unlessSent?: Omit<RowRejection, 'id'> | undefined;
  /**
   * The states the record had before the current one, oldest first. Loaded only when the rule
   * answers `judge-with-earlier`; author stamps a merge carries may come from them.
   */
  earlier?: readonly WireDocument[];
};

export type WriteDecision =
  /** Store the pushed state under the next seq. */
  | { kind: 'write' }
  /** The pushed state is the stored one (a retry whose first attempt was stored): done. */
  | { kind: 'already-stored'; seq: number }
  /** A state the record had and has left: answer with the current one, marked superseded. */
  | { kind: 'superseded'; current: WireDocument }
  /** Based on a state other than the stored one: answer with the stored one, to merge. */
  | { kind: 'conflict'; current: WireDocument }
  | { kind: 'refuse'; refusal: Omit<RowRejection, 'id'> }
  /** Refused against the current state; decide again with the earlier states loaded. */
  | { kind: 'judge-with-earlier' };

/**
 * What the pusher's device was sent of a stored record: null when the record itself (it is in
 * their scope), else what stood in for it (its withdrawal, ADR 15).
 */
export type SentAs = (stored: WireDocument) => WireDocument | null;

/** `WriteFacts.sentHash` for a current state, when what was sent differs from it. */
export function sentStateHash(
  current: StoredState | null,
  sentAs: SentAs | undefined,
): string | undefined {
  const sent = current && sentAs ? sentAs(current.doc) : null;
  return sent ? canonicalDocument(sent).hash : undefined;
}

/** Whether the rule needs `hadNextState` for this row (it is looked up in the versions). */
export function needsHistory(facts: Pick<WriteFacts, 'current' | 'nextHash'>): boolean {
  return facts.current !== null && facts.current.hash !== facts.nextHash;
}

/**
 * THE server's write rule, once for every store (ADR 7 and ADR 8): the SQLite and PostgreSQL
 * adapters only lock, read what this needs, and carry out the decision. Pure: the same facts
 * always give the same decision.
 */
export function decideWrite(facts: WriteFacts): WriteDecision {
  const { current, authorise } = facts;
  // The pushed state is exactly what this device was sent of the record — a retried push whose
  // first attempt was stored, or a pulled copy pushed back: done, with no new seq (devices that
  // pulled it are not sent it again), and nothing to authorise since nothing changes. RxDB's upstream takes a record pulled
  // while it starts for a change of the device's own (it reads the record before the
  // downstream has noted it as the server's), and a device that may not write it (a clinician,
  // a withdrawn draft) must not be told its pulled copy was refused.
  if (current && facts.nextHash === (facts.sentHash ?? current.hash))
    return { kind: 'already-stored', seq: current.seq };
  if (facts.unlessSent) return { kind: 'refuse', refusal: facts.unlessSent };
  // May this person touch the stored record at all? Judged before anything is answered about it:
  // a conflict answer carries the stored state, which they must not learn.
  const untouchable = current && authorise?.(current.doc, current.doc);
  if (untouchable) return { kind: 'refuse', refusal: untouchable };
  // A record destroyed under the retention schedule stays destroyed (ADR 19): an edit made
  // offline before it was destroyed, or a copy a device still holds, never brings it back.
  if (current?.doc.destroyed === true)
    return {
      kind: 'refuse',
      refusal: {
        code: 'forbidden',
        message: 'This record was destroyed under the practice’s retention schedule',
      },
    };
  if (current) {
    // A state this record already had and has since left (a retry whose answer got lost and
    // that later writes overtook, a late duplicate, a stale copy): the server never moves a
    // record back. The answer carries the current state, and the device merges with the pushed
    // state as base (ADR 7) — never "done" plus a fresh announcement, which a device can pull
    // before the answer arrives and set aside (issue 10, point 1).
    if (facts.hadNextState) return { kind: 'superseded', current: current.doc };
    // The device changed a state other than the one stored: the stored one wins for now and
    // goes back to the device to merge.
    if (facts.assumedHash !== current.hash) return { kind: 'conflict', current: current.doc };
  }
  // The write itself, judged against the state it replaces — only now, because a stale or
  // conflicting copy rightly carries stamps of an earlier state, and it is not stored.
  const refusal = authorise?.(current?.doc ?? null, facts.next, facts.earlier) ?? null;
  if (!refusal) return { kind: 'write' };
  // Refused against the stored state alone: judged once more with the states before it. A new
  // record has no earlier states.
  if (current && authorise && facts.earlier === undefined) return { kind: 'judge-with-earlier' };
  return { kind: 'refuse', refusal };
}

/**
 * Puts a decision that is not a write into the push's answer. True when the row is to be
 * written (the adapter stores it); a `judge-with-earlier` must have been decided again first.
 */
export function answerUnlessWrite(
  outcome: PushOutcome,
  id: string,
  decision: WriteDecision,
): boolean {
  switch (decision.kind) {
    case 'write':
      return true;
    case 'already-stored':
      (outcome.alreadyStored ??= []).push({ id, seq: decision.seq });
      return false;
    case 'superseded':
      outcome.conflicts.push(decision.current);
      (outcome.superseded ??= []).push(id);
      return false;
    case 'conflict':
      outcome.conflicts.push(decision.current);
      return false;
    case 'refuse':
      outcome.rejected.push({ id, ...decision.refusal });
      return false;
    case 'judge-with-earlier':
      throw new Error('Decide again with the earlier states before answering');
  }
}
