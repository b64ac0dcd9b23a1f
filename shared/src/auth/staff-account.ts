import type { Role } from './roles.ts';

/** A staff account as the administrator's Staff page sees it (never a password hash). */
export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** Locked after too many failed sign-ins, until an administrator unlocks it. */
  locked: boolean;
  createdAt: string;
};
