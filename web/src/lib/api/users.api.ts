import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import { requestJson } from './http.ts';

type One = { user: StaffAccount };

export const listStaff = () => requestJson<{ users: StaffAccount[] }>('/api/users');

export const createStaff = (input: {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}) => requestJson<One>('/api/users', { method: 'POST', body: JSON.stringify(input) });

export const changeStaff = (id: string, changes: { role?: Role; active?: boolean }) =>
  requestJson<One>(`/api/users/${id}`, { method: 'PATCH', body: JSON.stringify(changes) });

export const resetStaffPassword = (id: string, password: string) =>
  requestJson<One>(`/api/users/${id}/password`, {
    method: 'POST',
    body: JSON.stringify({ password }),
  });

export const unlockStaff = (id: string) =>
  requestJson<One>(`/api/users/${id}/unlock`, { method: 'POST', body: '{}' });

/** A lost or replaced phone: the person is signed out and sets up two-factor again. */
export const resetStaffSecondFactor = (id: string) =>
  requestJson<One>(`/api/users/${id}/second-factor/reset`, { method: 'POST', body: '{}' });
