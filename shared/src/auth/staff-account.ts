import { lineText } from '../text/line-text.ts';
import type { Role } from './roles.ts';
import type { SecondFactorStatus } from './second-factor.ts';

/**
 * The name staff see for a person (change history, conflicts, the audit trail): one line, with
 * nothing hidden in it, so the name shown is the name stored.
 */
export const staffDisplayName = lineText('display name', 100, 'Enter a display name');

/** The first message `staffDisplayName` gives for `name`, or null when it is a fine name. */
export function displayNameProblem(name: string): string | null {
  const checked = staffDisplayName.safeParse(name);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'Enter a display name');
}

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
