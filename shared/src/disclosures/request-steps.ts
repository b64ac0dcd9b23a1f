import type { Role } from '../auth/roles.ts';
import { isCalendarDate } from '../dates/calendar-days.ts';
import { fail, ok, type Result } from '../result.ts';
import { accessRequestClock } from './access-request-clock.ts';
import { ANSWERED_STATUSES } from './release-labels.ts';
import type { DoneStamp } from './release-fields.ts';
import type { ReleaseRequest } from './release-request.schema.ts';
import { PRIVACY_OFFICIAL } from './release-rules.ts';

export type RequestStepError = {
  code: 'already-answered' | 'not-allowed' | 'invalid';
  message: string;
  field?: 'reason' | 'notifiedOn' | 'days';
};

const answered = (request: ReleaseRequest): RequestStepError | null =>
  ANSWERED_STATUSES.includes(request.status)
    ? { code: 'already-answered', message: `This request was already ${request.status}` }
    : null;

/** Someone has started gathering the records. */
export function startRequest(
  request: ReleaseRequest,
  now: string,
): Result<ReleaseRequest, RequestStepError> {
  const done = answered(request);
  if (done) return fail(done);
  return request.status === 'in-progress'
    ? ok(request)
    : ok({ ...request, status: 'in-progress', updatedAt: now });
}

/**
 * Denies a request, with the reason in writing (a denied patient is told why and how to ask
 * for a review: 164.524(d)). The office manager's to decide.
 */
export function denyRequest(
  request: ReleaseRequest,
  input: { reason: string; on: string; role: Role; stamp: DoneStamp; now: string },
): Result<ReleaseRequest, RequestStepError> {
  const done = answered(request);
  if (done) return fail(done);
  if (input.role !== PRIVACY_OFFICIAL)
    return fail({ code: 'not-allowed', message: 'Only the office manager may deny a request' });
  const reason = input.reason.trim().replace(/\s+/g, ' ');
  if (reason === '')
    return fail({ code: 'invalid', field: 'reason', message: 'Give the reason for the denial: the requester is told it in writing' }); // prettier-ignore
  return ok({
    ...request,
    status: 'denied',
    answeredOn: input.on < request.receivedOn ? request.receivedOn : input.on,
    denial: { reason, ...input.stamp },
    updatedAt: input.now,
  });
}

/**
 * Takes the once-only 30 more days on an access request (164.524(b)(2)(ii)): the patient was
 * told in writing, within the first 30 days, why and by when. Refused with the rule's own words
 * when the notice came too late, gives no reason, or asks more than 30 days.
 */
export function extendAccessRequest(
  request: ReleaseRequest,
  input: { notifiedOn: string; reason: string; days: number; now: string; today: string },
): Result<ReleaseRequest, RequestStepError> {
  const done = answered(request);
  if (done) return fail(done);
  if (request.purpose !== 'to-the-patient')
    return fail({ code: 'invalid', message: 'Only a patient’s request for their own records takes an extension' }); // prettier-ignore
  if (request.extension)
    return fail({ code: 'invalid', message: 'The 30 days were already extended once; they may not be again' }); // prettier-ignore
  if (!isCalendarDate(input.notifiedOn) || input.notifiedOn > input.today)
    return fail({ code: 'invalid', field: 'notifiedOn', message: 'Enter the day the patient was told, no later than today' }); // prettier-ignore
  const extension = {
    notifiedOn: input.notifiedOn,
    reason: input.reason.trim().replace(/\s+/g, ' '),
    days: input.days,
  };
  const clock = accessRequestClock({ receivedOn: request.receivedOn, extension }, input.today);
  if (clock.extensionProblem) {
    const field = clock.extensionProblem.code === 'extension-without-reason' ? 'reason' : clock.extensionProblem.code === 'extension-too-long' ? 'days' : 'notifiedOn'; // prettier-ignore
    return fail({ code: 'invalid', field, message: clock.extensionProblem.message });
  }
  return ok({ ...request, extension, updatedAt: input.now });
}
