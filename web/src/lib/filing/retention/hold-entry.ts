import { today } from '../../clock.ts';
import { formatDay } from '../documents/filing-dates.ts';
import type { HoldTarget } from './legal-holds.actions.ts';

/** The hold form, opened with this patient or document already chosen. */
export function placeHoldHref(on: HoldTarget): string {
  return 'patientId' in on
    ? `/filing/retention/holds?patient=${encodeURIComponent(on.patientId)}`
    : `/filing/retention/holds?document=${encodeURIComponent(on.documentId)}`;
}

/**
 * "Under legal hold since Mar 5, 2026: Records request from counsel", from the holds that
 * stand (oldest placed first, as `heldBy` gives them); null when none does. The day is this
 * device's calendar day of the placing.
 */
export function underHoldWords(
  standing: readonly { reason: string; placed: { at: string } }[],
): string | null {
  const [first, ...more] = standing;
  if (!first) return null;
  const since = formatDay(today(new Date(first.placed.at)));
  const others =
    more.length === 0 ? '' : ` (and ${more.length} more ${more.length === 1 ? 'hold' : 'holds'})`;
  return `Under legal hold since ${since}: ${first.reason}${others}`;
}
