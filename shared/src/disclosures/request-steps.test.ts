import { describe, expect, it } from 'vitest';
import { releaseRequestSchema } from './release-request.schema.ts';
import { denyRequest, extendAccessRequest, startRequest } from './request-steps.ts';
import { DESK, NOW, requestOf } from './release.fixture.ts';

const access = requestOf({ purpose: 'to-the-patient', basis: { legalBasis: 'Right of access' } });

describe('a request’s steps', () => {
  it('starts, once, and not after it was answered', () => {
    const started = startRequest(access, NOW);
    expect(started.ok && started.value.status).toBe('in-progress');
    const released = requestOf({ status: 'released', answeredOn: '2026-03-05' });
    expect(startRequest(released, NOW).ok).toBe(false);
  });

  it('is denied by the office manager with a reason, which stops the clock', () => {
    const deny = (role: 'front-desk' | 'office-manager', reason: string) =>
      denyRequest(access, { reason, on: '2026-03-09', role, stamp: DESK, now: NOW });
    expect(deny('front-desk', 'Psychotherapy notes')).toMatchObject({ ok: false, error: { code: 'not-allowed' } }); // prettier-ignore
    expect(deny('office-manager', ' ')).toMatchObject({ ok: false, error: { field: 'reason' } });
    const denied = deny('office-manager', 'Psychotherapy notes are excluded (164.524(a)(1)(i))');
    if (!denied.ok) throw new Error(denied.error.message);
    expect(denied.value).toMatchObject({ status: 'denied', answeredOn: '2026-03-09' });
    expect(releaseRequestSchema.safeParse(denied.value).error).toBeUndefined();
  });

  it('takes the 30 more days once, told in time and with a reason', () => {
    const extend = (notifiedOn: string, reason = 'Records are in off-site storage', days = 30) =>
      extendAccessRequest(access, { notifiedOn, reason, days, now: NOW, today: '2026-03-20' });
    const extended = extend('2026-03-15');
    expect(extended.ok && extended.value.extension).toEqual({ notifiedOn: '2026-03-15', reason: 'Records are in off-site storage', days: 30 }); // prettier-ignore
    expect(extend('2026-03-15', '')).toMatchObject({ ok: false, error: { field: 'reason', message: 'The written notice must give the reason for the delay' } }); // prettier-ignore
    expect(extend('2026-03-15', 'x', 31)).toMatchObject({ ok: false, error: { field: 'days' } });
    expect(extend('2026-03-21')).toMatchObject({ ok: false, error: { field: 'notifiedOn' } });
    if (!extended.ok) return;
    expect(extendAccessRequest(extended.value, { notifiedOn: '2026-03-16', reason: 'again', days: 5, now: NOW, today: '2026-03-20' }).ok).toBe(false); // prettier-ignore
    expect(extendAccessRequest(requestOf(), { notifiedOn: '2026-03-15', reason: 'x', days: 5, now: NOW, today: '2026-03-20' }).ok).toBe(false); // prettier-ignore
  });
});
