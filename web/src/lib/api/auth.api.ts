import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import type { EnrolmentOffer, SignInAnswer } from '@clinicdesk/shared/auth/second-factor.ts';
import { requestJson } from './http.ts';

export function login(username: string, password: string, deviceId: string) {
  return requestJson<SignInAnswer>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password, deviceId }),
  });
}

/** The code step of a pending sign-in (its HttpOnly cookie goes along by itself). */
export function submitSecondFactorCode(code: string) {
  return requestJson<{ user: SessionUser }>('/api/auth/second-factor/code', {
    method: 'POST',
    body: JSON.stringify({ code }),
  });
}

export function fetchEnrolment() {
  return requestJson<EnrolmentOffer>('/api/auth/second-factor/enrolment', {
    method: 'POST',
    body: '{}',
  });
}

export function confirmEnrolment(code: string) {
  return requestJson<{ user: SessionUser }>('/api/auth/second-factor/enrolment/confirm', {
    method: 'POST',
    body: JSON.stringify({ code }),
  });
}

/** Ends a sign-in still waiting for its code (and nothing else). */
export function cancelSecondFactor() {
  return requestJson<{ ok: true }>('/api/auth/second-factor/cancel', {
    method: 'POST',
    body: '{}',
  });
}

export function logout() {
  return requestJson<{ ok: true }>('/api/auth/logout', { method: 'POST', body: '{}' });
}
