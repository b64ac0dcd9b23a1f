import { addDays, addYears, laterDate } from '../dates/calendar-days.ts';
import type { AccountingEntry } from './accounting-entry.ts';

/** The longest period an accounting covers (164.528(a)(1)), and an oral suspension may last. */
export const ACCOUNTING_YEARS = 6;
export const ORAL_SUSPENSION_DAYS = 30;

/**
 * A health oversight agency's or law enforcement official's request to hold back, for a time,
 * the accounting of disclosures made to them (164.528(a)(2)): a written statement names the
 * time; an oral one lasts at most 30 days from the statement unless a written one follows
 * (record that as a new, written suspension).
 */
export type AccountingSuspension =
  | { recipientName: string; statedOn: string; form: 'written'; until: string }
  | { recipientName: string; statedOn: string; form: 'oral'; until?: string | undefined };

/** A patient's accounting of disclosures as it prints, and what is held back for now. */
export interface Accounting {
  /** The period covered, both days included. */
  from: string;
  to: string;
  /** Oldest first. */
  entries: AccountingEntry[];
  /** Entries held back by a suspension in effect on the request date: for the practice's file only. */
  suspended: { entry: AccountingEntry; until: string }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sameRecipient = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The last day a suspension holds back entries. */
export function suspensionEnds(suspension: AccountingSuspension): string {
  if (suspension.form === 'written') return suspension.until;
  const longest = addDays(suspension.statedOn, ORAL_SUSPENSION_DAYS);
  return suspension.until && suspension.until < longest ? suspension.until : longest;
}

/**
 * A patient's accounting of disclosures on a request made on `requestDate` (164.528): the
 * entries of the six years before it, the request day included — from the same day six years
 * earlier (29 February then counts from 28 February, so nothing of the sixth year is left out)
 * — or of the shorter period the patient asked for (`since`). Entries to a recipient under a
 * suspension in effect on the request date are held back and listed apart. Oldest first; on
 * the same day, by release id, so every print lists them alike.
 */
export function accountingFor(
  entries: readonly AccountingEntry[],
  patientId: string,
  requestDate: string,
  options: { since?: string | undefined; suspensions?: readonly AccountingSuspension[] } = {},
): Accounting {
  const sixYears = addYears(requestDate, -ACCOUNTING_YEARS, 'february-28');
  const from = options.since ? laterDate(sixYears, options.since) : sixYears;
  const inEffect = (options.suspensions ?? []).filter(
    (suspension) => suspension.statedOn <= requestDate && requestDate <= suspensionEnds(suspension),
  );
  const accounting: Accounting = { from, to: requestDate, entries: [], suspended: [] };
  const covered = entries
    .filter(
      (entry) =>
        entry.patientId === patientId &&
        entry.disclosedOn >= from &&
        entry.disclosedOn <= requestDate,
    )
    .sort((a, b) => byText(a.disclosedOn, b.disclosedOn) || byText(a.releaseId, b.releaseId));
  for (const entry of covered) {
    const holding = inEffect.filter((suspension) =>
      sameRecipient(suspension.recipientName, entry.recipientName),
    );
    if (holding.length === 0) accounting.entries.push(entry);
    else {
      const until = holding.map(suspensionEnds).reduce(laterDate);
      accounting.suspended.push({ entry, until });
    }
  }
  return accounting;
}
