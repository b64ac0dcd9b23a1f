import { daysBetween } from '../dates/calendar-days.ts';
import {
  ACCESS_DUE_SOON_DAYS,
  accessRequestClock,
  type AccessClock,
} from './access-request-clock.ts';
import type { ReleaseRequest } from './release-request.schema.ts';

/**
 * When a request is due, as the releases list shows it: a patient's request for their own
 * records by the 30-day clock (164.524(b)(2), `accessRequestClock`); another by the date its
 * subpoena or letter set, if any; otherwise none (the law sets no federal deadline for it).
 */
export type RequestDue = {
  /** The clock of an access request; null for other requests. */
  access: AccessClock | null;
  dueOn: string | null;
  daysLeft: number | null;
  state: 'answered' | 'overdue' | 'due-soon' | 'open' | 'no-deadline';
};

export function requestDue(request: ReleaseRequest, today: string): RequestDue {
  if (request.purpose === 'to-the-patient') {
    const access = accessRequestClock(request, today);
    const state = access.status === 'answered' || access.status === 'answered-late' ? 'answered' : access.status; // prettier-ignore
    return { access, dueOn: access.dueOn, daysLeft: access.daysLeft, state };
  }
  if (request.answeredOn) return { access: null, dueOn: request.respondBy ?? null, daysLeft: null, state: 'answered' }; // prettier-ignore
  if (!request.respondBy) return { access: null, dueOn: null, daysLeft: null, state: 'no-deadline' }; // prettier-ignore
  const daysLeft = daysBetween(today, request.respondBy);
  const state = daysLeft < 0 ? 'overdue' : daysLeft <= ACCESS_DUE_SOON_DAYS ? 'due-soon' : 'open';
  return { access: null, dueOn: request.respondBy, daysLeft, state };
}

/**
 * Open requests in the order to work them: overdue first, then by due date, then those with no
 * deadline, oldest received first; the same order on every device (by id last).
 */
export function byUrgency<T extends { request: ReleaseRequest; due: RequestDue }>(
  a: T,
  b: T,
): number {
  const rank = (row: T) => (row.due.state === 'overdue' ? 0 : row.due.dueOn ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.due.dueOn ?? '').localeCompare(b.due.dueOn ?? '') ||
    a.request.receivedOn.localeCompare(b.request.receivedOn) ||
    a.request.id.localeCompare(b.request.id)
  );
}
