import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { requestJson } from './http.ts';

export function login(username: string, password: string, deviceId: string) {
  return requestJson<{ user: SessionUser }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password, deviceId }),
  });
}

export function logout() {
  return requestJson<{ ok: true }>('/api/auth/logout', { method: 'POST', body: '{}' });
}
