import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { requiresSecondFactor } from '@clinicdesk/shared/auth/second-factor.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sha256Hex } from '../storage/document-hash.ts';
import type { SessionRecord, Store, UserRecord } from '../storage/store.ts';
import type { AuditRecorder } from './audit.service.ts';
import { createLoginThrottle, type LoginRefusal } from './login-throttle.ts';
import { UNKNOWN_USER_PASSWORD_HASH, verifyPassword } from './password-hash.ts';
import {
  createSecondFactorService,
  type PendingStep,
  type SecondFactorService,
} from './second-factor.service.ts';

export const SESSION_COOKIE = 'cd_session';

/** How long a sign-in lasts. Every session rule reads these and nothing else. */
export const SESSION_LIFETIME = {
  /** A shift: after this the person signs in again, however active. */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** An unattended front-desk screen stops syncing after this long without a request. */
  idleMs: 30 * 60 * 1000,
  /** Refreshing `last_seen_at` at most this often keeps reads from becoming writes. */
  touchEveryMs: 60 * 1000,
} as const;

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Why a session cookie opens nothing; each is an API error code the device acts on. */
export type SessionRefusal = 'unauthenticated' | 'account-deactivated' | 'second-factor-required';

export type AuthenticatedSession = {
  user: SessionUser;
  sessionId: string;
  /**
   * The one device the person signed in on. Every request of the session acts as this device:
   * one naming another device is refused (require-session.ts), and a sync request cannot name
   * its device any other way.
   */
  deviceId: string;
};

export type LoginInput = {
  username: string;
  password: string;
  /** Required: a session is bound to the device it was opened on, for good. */
  deviceId: string;
  /** The address the attempt came from, for the per-address limit (see login-throttle.ts). */
  clientAddress: string;
};

/** A correct password: a session, or (for a second-factor role) a sign-in still owing a code. */
export type LoginSuccess =
  | { kind: 'session'; user: SessionUser; token: string }
  | { kind: 'second-factor'; step: PendingStep; token: string; expiresInSeconds: number };

export type AuthService = {
  login(
    input: LoginInput,
  ): Promise<Result<LoginSuccess, { code: 'invalid-credentials' } | LoginRefusal>>;
  /** The code step of a pending sign-in (second-factor.service.ts). */
  readonly secondFactor: SecondFactorService;
  /**
   * Ends the session of this token, if there is one. `signOut` records it in the audit trail;
   * a session replaced by a new sign-in on the same browser is not a sign-out.
   */
  logout(token: string | undefined, options?: { signOut: boolean }): Promise<void>;
  /** The live session of a cookie token, refreshing its idle timer; null when none. */
  resume(token: string | undefined): Promise<AuthenticatedSession | null>;
  /**
   * Why a cookie opens nothing (`resume` gave null), as the device must be told: the person was
   * deactivated, or now holds a role that needs a second factor on a session opened without one,
   * or there is simply no live session.
   */
  whyRefused(token: string | undefined): Promise<SessionRefusal>;
  /**
   * The session's user as they are now (role included), or null when the session is over;
   * without counting as activity (open streams ask this).
   */
  currentUser(sessionId: string): Promise<SessionUser | null>;
};

export function createAuthService(deps: {
  store: Store;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
  /** Checks a password against a stored hash; replaceable so tests can count the checks. */
  verifyPassword?: ((password: string, encoded: string) => Promise<boolean>) | undefined;
  /** Where sign-ins, sign-outs and failed or refused sign-ins are recorded. */
  audit?: AuditRecorder | undefined;
}): AuthService {
  const { store, clock } = deps;
  const audit = deps.audit ?? { record: async () => {} };
  const verify = deps.verifyPassword ?? verifyPassword;
  const throttle = createLoginThrottle({ store, clock });

  async function openSession(user: UserRecord, deviceId: string, secondFactor = false) {
    const now = clock();
    await store.deleteStaleSessions(now, new Date(now.getTime() - SESSION_LIFETIME.idleMs));
    const token = Buffer.from(deps.randomBytes(TOKEN_BYTES)).toString('base64url');
    await store.createSession({
      tokenHash: sha256Hex(token),
      userId: user.id,
      deviceId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME.absoluteMs),
      secondFactor,
    });
    return { user: toSessionUser(user), token };
  }

  const secondFactor = createSecondFactorService({
    store,
    clock,
    randomBytes: deps.randomBytes,
    audit,
    throttle,
    openSession,
  });

  async function liveSession(tokenHash: string) {
    const found = await store.findSession(tokenHash);
    if (!found) return null;
    const now = clock().getTime();
    const { session } = found;
    const expired =
      now >= session.expiresAt.getTime() ||
      now >= session.lastSeenAt.getTime() + SESSION_LIFETIME.idleMs;
    if (expired) {
      await store.deleteSession(tokenHash);
      return null;
    }
    // A session stored before sessions were bound to a device could act as any device: it no
    // longer counts, and the person signs in again (which binds the new session).
    if (found.session.deviceId === null) return null;
    return refusalOf(found) === null ? { ...found, deviceId: found.session.deviceId } : null;
  }

  /**
   * Why a session that has not expired opens nothing, or null when it does. Such sessions are
   * kept (until they expire) so that the device can be told why:
   * - a deactivated person's: the device clears their data; reactivation deletes them;
   * - a session opened with the password alone whose person has since been given a role that
   *   needs a second factor (office manager, administrator): they must sign in again with a
   *   code before they use that role, and the device signs them out to do so.
   */
  function refusalOf(found: { session: SessionRecord; user: UserRecord }) {
    if (!found.user.active) return 'account-deactivated' as const;
    if (requiresSecondFactor(found.user) && !found.session.secondFactor)
      return 'second-factor-required' as const;
    return null;
  }

  return {
    async login({ username, password, deviceId, clientAddress }) {
      // Throttled before anything is looked up: while an account or address must wait, no
      // password is checked at all, so waiting out the delay is the only way to guess again.
      const attempt = await throttle.begin(username, clientAddress);
      if (!attempt.ok) {
        await audit.record({
          action: 'sign-in-refused',
          userId: null,
          username,
          deviceId,
          detail: attempt.error.reason === 'locked' ? 'locked' : 'waiting after failures',
        });
        return attempt;
      }
      const user = await store.findUserByUsername(username);
      // Same work and same answer whether the username is unknown, the password wrong or the
      // account switched off: the response must not tell which usernames exist. For the same
      // reason all three count as a failure.
      const matches = await verify(password, user?.passwordHash ?? UNKNOWN_USER_PASSWORD_HASH);
      if (!user || !matches || !user.active) {
        await attempt.value.failed();
        await audit.record({
          action: 'sign-in-failed',
          userId: user?.id ?? null,
          username,
          deviceId,
          detail: !user ? 'unknown username' : !matches ? 'wrong password' : 'account inactive',
        });
        return fail({ code: 'invalid-credentials' as const });
      }
      if (requiresSecondFactor(user)) {
        // Not signed in yet, so the attempt is not reported as a success: it stays counted
        // until a code completes the sign-in. Otherwise a known password would clear the
        // failure count between every few guessed codes.
        const pending = await secondFactor.begin(user, deviceId);
        return ok({ kind: 'second-factor' as const, ...pending });
      }
      await attempt.value.succeeded();
      await audit.record({
        action: 'sign-in',
        userId: user.id,
        username: user.username,
        deviceId,
      });
      return ok({ kind: 'session' as const, ...(await openSession(user, deviceId)) });
    },

    secondFactor,

    async logout(token, options) {
      if (!token || !TOKEN_PATTERN.test(token)) return;
      const tokenHash = sha256Hex(token);
      const found = options?.signOut ? await store.findSession(tokenHash) : null;
      await store.deleteSession(tokenHash);
      if (found)
        await audit.record({
          action: 'sign-out',
          userId: found.user.id,
          username: found.user.username,
          deviceId: found.session.deviceId,
        });
    },

    async resume(token) {
      if (!token || !TOKEN_PATTERN.test(token)) return null;
      const tokenHash = sha256Hex(token);
      // Looked up by the token's hash: timing can at most hint at a hash, never at a token.
      const found = await liveSession(tokenHash);
      if (!found) return null;
      const now = clock();
      if (now.getTime() - found.session.lastSeenAt.getTime() >= SESSION_LIFETIME.touchEveryMs)
        await store.touchSession(tokenHash, now);
      return {
        user: toSessionUser(found.user),
        sessionId: tokenHash,
        deviceId: found.deviceId,
      };
    },

    async whyRefused(token) {
      if (!token || !TOKEN_PATTERN.test(token)) return 'unauthenticated';
      const found = await store.findSession(sha256Hex(token));
      return (found && refusalOf(found)) ?? 'unauthenticated';
    },

    async currentUser(sessionId) {
      const found = await liveSession(sessionId);
      return found ? toSessionUser(found.user) : null;
    },
  };
}

export function toSessionUser(user: UserRecord): SessionUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}
