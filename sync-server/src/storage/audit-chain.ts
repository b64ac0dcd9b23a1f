import {
  AUDIT_GENESIS_HASH,
  auditChainText,
  type AuditAction,
  type AuditEntry,
} from '@clinicdesk/shared/audit/audit-event.ts';
import { sha256Hex } from './document-hash.ts';

/** An event about to be appended: everything but its place in the chain. */
export type AuditEventInput = {
  eventId: string;
  action: AuditAction;
  userId: string | null;
  username: string | null;
  deviceId: string | null;
  deviceTime: string | null;
  serverTime: Date;
  collection: string | null;
  recordId: string | null;
  detail: string | null;
};

export type AuditChainHead = { position: number; hash: string };

export const EMPTY_AUDIT_CHAIN: AuditChainHead = { position: 0, hash: AUDIT_GENESIS_HASH };

/**
 * The entries that follow `head`, each linked to the one before. Callers hold the chain's write
 * lock from reading `head` until the entries and the new head are committed.
 */
export function linkAuditEntries(head: AuditChainHead, inputs: AuditEventInput[]): AuditEntry[] {
  let previous = head;
  return inputs.map((input) => {
    const unhashed = {
      ...storableAuditText(input),
      serverTime: input.serverTime.toISOString(),
      position: previous.position + 1,
      prevHash: previous.hash,
    };
    const entry = { ...unhashed, hash: auditEntryHash(unhashed) };
    previous = entry;
    return entry;
  });
}

/**
 * The text fields of an event as both stores hold them, so each hash is over exactly what is
 * stored. Requests never bring such text this far (the boundary refuses it, shared
 * `well-formed-text.ts`), but one entry whose hash is over other text than its row would be
 * reported as tampered for good, and hide any real tampering after it: UTF-8 cannot hold a lone
 * surrogate (both stores write U+FFFD for it) and PostgreSQL cannot hold NUL in text at all.
 */
export function storableAuditText(input: AuditEventInput): AuditEventInput {
  const storable = (text: string | null) =>
    text === null ? null : text.toWellFormed().replaceAll('\0', '\uFFFD');
  return {
    ...input,
    eventId: storable(input.eventId) ?? '',
    userId: storable(input.userId),
    username: storable(input.username),
    deviceId: storable(input.deviceId),
    deviceTime: storable(input.deviceTime),
    collection: storable(input.collection),
    recordId: storable(input.recordId),
    detail: storable(input.detail),
  };
}

export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(auditChainText(entry));
}

/** Where a chain stops being what was written. */
export type AuditChainBreak = {
  /** The first entry that does not verify (for a missing tail: the position after the last). */
  position: number;
  eventId: string | null;
  reason: 'altered' | 'missing-or-moved' | 'broken-link' | 'tail-missing';
  message: string;
};

/**
 * Checks a chain read in position order, page by page: positions run 1, 2, 3 …, each entry's
 * `prevHash` is the hash of the one before, each hash is over the entry as stored, and the chain
 * ends where its head says. Feed pages with `next`, then `finish` with the stored head.
 */
export function createAuditChainVerifier() {
  let previous: AuditChainHead = EMPTY_AUDIT_CHAIN;
  let broken: AuditChainBreak | null = null;
  return {
    next(entries: AuditEntry[]): AuditChainBreak | null {
      for (const entry of entries) {
        if (broken) return broken;
        broken = checkEntry(previous, entry);
        previous = { position: entry.position, hash: entry.hash };
      }
      return broken;
    },
    finish(
      head: AuditChainHead,
    ): { ok: true; count: number } | { ok: false; broken: AuditChainBreak } {
      if (broken) return { ok: false, broken };
      if (head.position !== previous.position || head.hash !== previous.hash)
        return {
          ok: false,
          broken: {
            position: previous.position + 1,
            eventId: null,
            reason: 'tail-missing',
            message: `The chain ends at entry ${previous.position}, but entry ${head.position} was the last one written: entries after ${previous.position} were removed or the end was rewritten`,
          },
        };
      return { ok: true, count: previous.position };
    },
  };
}

function checkEntry(previous: AuditChainHead, entry: AuditEntry): AuditChainBreak | null {
  const at = { position: entry.position, eventId: entry.eventId };
  if (entry.position !== previous.position + 1)
    return {
      position: previous.position + 1,
      eventId: null,
      reason: 'missing-or-moved',
      message: `Entry ${previous.position + 1} is missing or was moved (the next stored entry is ${entry.position})`,
    };
  if (entry.prevHash !== previous.hash)
    return {
      ...at,
      reason: 'broken-link',
      message: `Entry ${entry.position} does not link to entry ${previous.position}: an entry was inserted, removed or reordered here`,
    };
  if (auditEntryHash(entry) !== entry.hash)
    return {
      ...at,
      reason: 'altered',
      message: `Entry ${entry.position} was changed after it was written`,
    };
  return null;
}
