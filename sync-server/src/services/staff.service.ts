import { STAFF_ACCOUNTS_COLLECTION } from '@clinicdesk/shared/audit/audit-event.ts';
import { ROLES, type Role, type SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { secondFactorStatus } from '@clinicdesk/shared/auth/second-factor.ts';
import { displayNameProblem, type StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { accountThrottleKey, type Store, type UserRecord } from '../storage/store.ts';
import type { AccessChanges } from './access-changes.ts';
import type { AuditRecorder } from './audit.service.ts';
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

/**
 * Opens an account for one person: their own username, one role, a hashed password. Records no
 * audit entry: the first administrator (`pnpm create-admin`), the demo clinic and tests open
 * accounts with it; an administrator's goes through `createStaffService(…).create`, which does.
 */
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

export type StaffChangeError = {
  code: 'not-found' | 'invalid-request';
  message: string;
};

export type StaffService = ReturnType<typeof createStaffService>;

/** The administrator making a change, and the device they make it from (for the audit trail). */
type Actor = Pick<SessionUser, 'id' | 'username'> & { deviceId: string | null };

/**
 * What an administrator does to staff accounts. Every change that narrows or moves access is
 * announced on `access`, so the person's open streams close at once, and deactivation, a
 * reactivation and a password reset end the person's sessions.
 */
export function createStaffService(deps: {
  store: Store;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
  access: AccessChanges;
  /** Where every change to an account is recorded (who did it, to whom, what — no password). */
  audit: AuditRecorder;
}) {
  const { store, access } = deps;

  /** One audit entry for a change `actor` made to the account `target`. */
  async function recordChange(
    actor: Actor,
    action: 'create' | 'change',
    target: UserRecord,
    detail: string,
  ): Promise<void> {
    await deps.audit.record({
      action,
      userId: actor.id,
      username: actor.username,
      deviceId: actor.deviceId,
      collection: STAFF_ACCOUNTS_COLLECTION,
      recordId: target.id,
      detail: `${target.username}: ${detail}`,
    });
  }

  async function view(user: UserRecord): Promise<StaffAccount> {
    const throttle = await store.loginThrottle(accountThrottleKey(user.username), deps.clock());
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      active: user.active,
      locked: throttle.lockedAt !== null,
      secondFactor: secondFactorStatus(user, (await store.findSecondFactor(user.id)) !== null),
      createdAt: user.createdAt.toISOString(),
    };
  }

  /** The clinic must never be left without an active administrator. */
  async function leavesAnAdministrator(target: UserRecord, next: Role, active: boolean) {
    if (target.role !== 'admin' || !target.active || (next === 'admin' && active)) return true;
    return (await store.listUsers()).some(
      (user) => user.role === 'admin' && user.active && user.id !== target.id,
    );
  }

  return {
    async list(): Promise<StaffAccount[]> {
      return Promise.all((await store.listUsers()).map(view));
    },

    async create(
      actor: Actor,
      input: {
        username: string;
        displayName: string;
        role: Role;
        password: string;
      },
    ): Promise<Result<StaffAccount, StaffAccountError>> {
      const created = await createStaffAccount(deps, input);
      if (!created.ok) return created;
      const user = await store.findUserById(created.value.id);
      if (!user) throw new Error('A created account could not be read back');
      await recordChange(actor, 'create', user, `account made, role ${user.role}`);
      return ok(await view(user));
    },

    async change(
      actor: Actor,
      id: string,
      changes: { role?: Role; active?: boolean; displayName?: string },
    ): Promise<Result<StaffAccount, StaffChangeError>> {
      const target = await store.findUserById(id);
      if (!target) return fail({ code: 'not-found', message: 'There is no such staff account' });
      if (changes.role !== undefined && !ROLES.includes(changes.role))
        return fail({ code: 'invalid-request', message: 'Choose one of the roles' });
      const displayName = changes.displayName?.trim().normalize('NFC');
      const nameProblem = displayName === undefined ? null : displayNameProblem(displayName);
      if (nameProblem) return fail({ code: 'invalid-request', message: nameProblem });
      const nextRole = changes.role ?? target.role;
      const nextActive = changes.active ?? target.active;
      if (id === actor.id && !nextActive)
        return fail({ code: 'invalid-request', message: 'You cannot deactivate your own account' });
      if (!(await leavesAnAdministrator(target, nextRole, nextActive)))
        return fail({
          code: 'invalid-request',
          message: 'Keep at least one active administrator: make someone else one first',
        });

      const updated = await store.updateUser(id, {
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(displayName !== undefined ? { displayName } : {}),
      });
      if (!updated) return fail({ code: 'not-found', message: 'There is no such staff account' });
      // Reactivation must never bring an old session back to life.
      if (changes.active === true && !target.active) await store.deleteUserSessions(id);
      if (nextRole !== target.role || nextActive !== target.active) access.publish(id);
      const what = [
        nextRole !== target.role ? `role ${target.role} → ${nextRole}` : null,
        nextActive !== target.active ? (nextActive ? 'reactivated' : 'deactivated') : null,
        displayName !== undefined && displayName !== target.displayName
          ? 'display name changed'
          : null,
      ].filter((part) => part !== null);
      if (what.length > 0) await recordChange(actor, 'change', updated, what.join(', '));
      return ok(await view(updated));
    },

    async resetPassword(
      actor: Actor,
      id: string,
      password: string,
    ): Promise<Result<StaffAccount, StaffChangeError>> {
      const target = await store.findUserById(id);
      if (!target) return fail({ code: 'not-found', message: 'There is no such staff account' });
      const rule = checkNewPassword(password, target);
      if (!rule.ok) return fail({ code: 'invalid-request', message: rule.error });
      const passwordHash = await hashPassword(password, deps.randomBytes(PASSWORD_SALT_BYTES));
      const updated = await store.updateUser(id, { passwordHash });
      if (!updated) return fail({ code: 'not-found', message: 'There is no such staff account' });
      // Whoever held the old password is out, everywhere, at once.
      await store.deleteUserSessions(id);
      access.publish(id);
      await recordChange(actor, 'change', updated, 'password reset');
      return ok(await view(updated));
    },

    /**
     * A lost or replaced phone: forgets the person's TOTP secret and ends their sessions (and
     * any sign-in of theirs waiting for a code), so whoever holds the old phone gets nowhere;
     * the person sets up a new one at their next sign-in.
     */
    async resetSecondFactor(
      actor: Actor,
      id: string,
    ): Promise<Result<StaffAccount, StaffChangeError>> {
      const target = await store.findUserById(id);
      if (!target) return fail({ code: 'not-found', message: 'There is no such staff account' });
      if (!(await store.removeSecondFactor(id)))
        return fail({
          code: 'invalid-request',
          message: `${target.displayName} has no two-factor sign-in set up to reset`,
        });
      await store.deleteUserSessions(id);
      access.publish(id);
      await deps.audit.record({
        action: 'second-factor-reset',
        userId: actor.id,
        username: actor.username,
        deviceId: actor.deviceId,
        collection: STAFF_ACCOUNTS_COLLECTION,
        recordId: id,
        detail: `for ${target.username}`,
      });
      return ok(await view(target));
    },

    async unlock(actor: Actor, id: string): Promise<Result<StaffAccount, StaffChangeError>> {
      const target = await store.findUserById(id);
      if (!target) return fail({ code: 'not-found', message: 'There is no such staff account' });
      await store.unlockAccount(target.username);
      await recordChange(actor, 'change', target, 'unlocked after failed sign-ins');
      return ok(await view(target));
    },
  };
}
