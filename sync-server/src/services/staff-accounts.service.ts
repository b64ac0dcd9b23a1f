import type { Role, SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { displayNameProblem } from '@clinicdesk/shared/auth/staff-account.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Store } from '../storage/store.ts';
import { toSessionUser } from './auth.service.ts';
import { hashPassword, PASSWORD_SALT_BYTES } from './password-hash.ts';
import { checkNewPassword } from './password-rules.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/i;

export type NewStaffAccount = {
  username: string;
  displayName: string;
  role: Role;
  password: string;
};

export type StaffAccountError = {
  code: 'invalid-username' | 'invalid-display-name' | 'weak-password' | 'duplicate-username';
  message: string;
};

/** Opens an account for one person: their own username, one role, a hashed password. */
export async function createStaffAccount(
  deps: { store: Store; clock: () => Date; randomBytes: (n: number) => Uint8Array },
  input: NewStaffAccount,
  /**
   * The demo clinic's accounts have published passwords (printed at every demo start), so the
   * password rules would protect nothing there; every other account must pass them. For the same
   * reason they are marked as demo accounts, which exempts the office manager's and the
   * administrator's from the second factor (shared/src/auth/second-factor.ts).
   */
  options: { demoAccount?: boolean } = {},
): Promise<Result<SessionUser, StaffAccountError>> {
  if (!USERNAME_PATTERN.test(input.username))
    return fail({
      code: 'invalid-username',
      message: 'A username is 2–64 letters, digits, dots, hyphens or underscores',
    });
  const displayName = input.displayName.trim().normalize('NFC');
  const nameProblem = displayNameProblem(displayName);
  if (nameProblem) return fail({ code: 'invalid-display-name', message: nameProblem });
  const rule = options.demoAccount
    ? ({ ok: true } as const)
    : checkNewPassword(input.password, { username: input.username, displayName });
  if (!rule.ok) return fail({ code: 'weak-password', message: rule.error });

  const now = deps.clock();
  const created = await deps.store.createUser({
    id: uuidv7(now.getTime(), deps.randomBytes(10)),
    username: input.username,
    displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password, deps.randomBytes(PASSWORD_SALT_BYTES)),
    active: true,
    createdAt: now,
    demoAccount: options.demoAccount ?? false,
  });
  if (!created.ok)
    return fail({ code: 'duplicate-username', message: `The username ${input.username} is taken` });
  return ok(toSessionUser(created.value));
}
