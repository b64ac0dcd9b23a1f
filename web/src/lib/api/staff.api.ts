import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { api } from './client.ts';
import { requestJson } from './http.ts';

export const listStaff = () => requestJson(() => api.staff.$get());

export const createStaff = (input: {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}) => requestJson(() => api.staff.$post({ json: input }));

export const changeStaff = (id: string, changes: { role?: Role; active?: boolean }) =>
  requestJson(() => api.staff[':id'].$patch({ param: { id }, json: changes }));

export const resetStaffPassword = (id: string, password: string) =>
  requestJson(() => api.staff[':id'].password.$post({ param: { id }, json: { password } }));

export const unlockStaff = (id: string) =>
  requestJson(() => api.staff[':id'].unlock.$post({ param: { id }, json: {} }));

/** A lost or replaced phone: the person is signed out and sets up two-factor again. */
export const resetStaffSecondFactor = (id: string) =>
  requestJson(() => api.staff[':id']['second-factor'].reset.$post({ param: { id }, json: {} }));
