import { addDays, daysBetween } from '../dates/calendar-days.ts';

/**
 * A patient's request to see or get a copy of their records is answered within 30 days of
 * receipt (45 CFR 164.524(b)(2)(i)); once, the practice may take up to 30 more days if, within
 * the first 30, it tells the patient in writing why and by when (164.524(b)(2)(ii)). Some
 * states allow fewer days: `responseDays` takes the state's number (never more than 30).
 */
export const ACCESS_RESPONSE_DAYS = 30;
export const ACCESS_EXTENSION_DAYS = 30;
/** The clock shows "due soon" from this many days before the due date. */
export const ACCESS_DUE_SOON_DAYS = 5;

export interface AccessExtension {
  /** The day the written notice of the delay went to the patient. */
  notifiedOn: string;
  /** The reason for the delay, as the notice gave it. */
  reason: string;
  /** More days taken, at most 30 (30 when not set). */
  days?: number | undefined;
}

export type AccessExtensionProblem = {
  code: 'extension-without-reason' | 'extension-too-long' | 'extension-too-late';
  message: string;
};

export type AccessStatus = 'open' | 'due-soon' | 'overdue' | 'answered' | 'answered-late';

export interface AccessClock {
  receivedOn: string;
  /** The day the answer is due: receipt + 30 days, or later by a valid extension. */
  dueOn: string;
  extended: boolean;
  /** Why an extension on file does not count (the due date then stays at 30 days). */
  extensionProblem: AccessExtensionProblem | null;
  status: AccessStatus;
  /** Days from today to the due date: 0 on the due day, negative once overdue. */
  daysLeft: number;
}

function extensionProblem(
  extension: AccessExtension,
  receivedOn: string,
  firstDueOn: string,
): AccessExtensionProblem | null {
  if (extension.reason.trim() === '')
    return {
      code: 'extension-without-reason',
      message: 'The written notice must give the reason for the delay',
    };
  const days = extension.days ?? ACCESS_EXTENSION_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > ACCESS_EXTENSION_DAYS)
    return {
      code: 'extension-too-long',
      message: `An extension is at most ${ACCESS_EXTENSION_DAYS} days`,
    };
  if (extension.notifiedOn < receivedOn || extension.notifiedOn > firstDueOn)
    return {
      code: 'extension-too-late',
      message: 'The patient must be told of the delay within the first 30 days',
    };
  return null;
}

function statusOf(answeredOn: string | undefined, dueOn: string, daysLeft: number): AccessStatus {
  if (answeredOn) return answeredOn <= dueOn ? 'answered' : 'answered-late';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= ACCESS_DUE_SOON_DAYS ? 'due-soon' : 'open';
}

/**
 * The 30-day clock of an access request (164.524(b)(2)) on `today`: when it is due, whether a
 * recorded extension counts, and its status — open, due soon (5 days or fewer left), overdue,
 * or answered (on time or late, once `answeredOn` is set). Day 30 after receipt is the last
 * day: received on 1 March, due on 31 March. Dates are YYYY-MM-DD.
 */
export function accessRequestClock(
  request: {
    receivedOn: string;
    extension?: AccessExtension | undefined;
    answeredOn?: string | undefined;
  },
  today: string,
  responseDays = ACCESS_RESPONSE_DAYS,
): AccessClock {
  // A state's shorter period applies; nothing makes the federal 30 days longer.
  const days =
    Number.isInteger(responseDays) && responseDays >= 1
      ? Math.min(responseDays, ACCESS_RESPONSE_DAYS)
      : ACCESS_RESPONSE_DAYS;
  const firstDueOn = addDays(request.receivedOn, days);
  const problem = request.extension
    ? extensionProblem(request.extension, request.receivedOn, firstDueOn)
    : null;
  const extended = request.extension !== undefined && problem === null;
  const dueOn = extended
    ? addDays(firstDueOn, request.extension?.days ?? ACCESS_EXTENSION_DAYS)
    : firstDueOn;
  const daysLeft = daysBetween(today, dueOn);
  const status = statusOf(request.answeredOn, dueOn, daysLeft);
  return {
    receivedOn: request.receivedOn,
    dueOn,
    extended,
    extensionProblem: problem,
    status,
    daysLeft,
  };
}
