import { ROLES, type Role } from '@clinicdesk/shared/auth/roles.ts';
import type { UserRecord } from './store.ts';

/** A stored role, checked: a row with an unknown role is a bug, not a user without rights. */
export function storedRole(role: string, userId: string): Role {
  if (!(ROLES as readonly string[]).includes(role))
    throw new TypeError(`User ${userId} has an unknown role`);
  return role as Role;
}

/** A users row, once each database has turned its columns into JavaScript values. */
export function toUserRecord(row: Omit<UserRecord, 'role'> & { role: string }): UserRecord {
  return { ...row, role: storedRole(row.role, row.id) };
}
