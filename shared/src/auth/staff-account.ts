import type { Role } from './roles.ts';
import type { SecondFactorStatus } from './second-factor.ts';

/** A staff account as the administrator's Staff page sees it (never a password hash). */
export type StaffAccount = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** Locked after too many failed sign-ins, until an administrator unlocks it. */
  locked: boolean;
  /** Whether the person signs in with a TOTP code, and whether they have set it up. */
  secondFactor: SecondFactorStatus;
  createdAt: string;
};
