import { fail, ok, type Result } from '../../result.ts';

/** Paperless-ngx's default, and what a practice that sets nothing gets (issue 12.5). */
export const DEFAULT_TRASH_DAYS = 30;
/**
 * Longer than this is not a trash but a second archive, outside every retention rule; a day
 * is the least that still lets someone restore a document thrown away by mistake.
 */
export const MAX_TRASH_DAYS = 365;

export type TrashPeriodError = { code: 'trash-period-invalid'; message: string };

/** The practice's trash period, as the office manager sets it: whole days, 1 to 365. */
export function validateTrashPeriod(days: number): Result<number, TrashPeriodError> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TRASH_DAYS)
    return fail({
      code: 'trash-period-invalid',
      message: `Documents stay in the trash for a whole number of days, from 1 to ${MAX_TRASH_DAYS}`,
    });
  return ok(days);
}

const DAY_MS = 86_400_000;

/**
 * When a document put in the trash at `trashedAt` (an ISO instant) may be emptied from it:
 * `periodDays` × 24 hours later, an instant, so the answer is the same in every time zone.
 * Null when `trashedAt` cannot be read: such a document is never emptied on a guess. Throws on
 * a period `validateTrashPeriod` refuses (a caller's bug, not the office's).
 */
export function trashExpiry(trashedAt: string, periodDays: number): string | null {
  if (!validateTrashPeriod(periodDays).ok)
    throw new RangeError(`Not a trash period: ${periodDays}`);
  const at = Date.parse(trashedAt);
  if (Number.isNaN(at)) return null;
  return new Date(at + periodDays * DAY_MS).toISOString();
}
