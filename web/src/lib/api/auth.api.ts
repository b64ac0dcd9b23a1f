import { api } from './client.ts';
import { requestJson } from './http.ts';

export function login(username: string, password: string, deviceId: string) {
  return requestJson(() => api.auth.login.$post({ json: { username, password, deviceId } }));
}

/** The code step of a pending sign-in (its HttpOnly cookie goes along by itself). */
export function submitSecondFactorCode(code: string) {
  return requestJson(() => api.auth['second-factor'].code.$post({ json: { code } }));
}

export function fetchEnrolment() {
  return requestJson(() => api.auth['second-factor'].enrolment.$post({ json: {} }));
}

export function confirmEnrolment(code: string) {
  return requestJson(() => api.auth['second-factor'].enrolment.confirm.$post({ json: { code } }));
}

/** Ends a sign-in still waiting for its code (and nothing else). */
export function cancelSecondFactor() {
  return requestJson(() => api.auth['second-factor'].cancel.$post({ json: {} }));
}

export function logout() {
  return requestJson(() => api.auth.logout.$post({ json: {} }));
}
