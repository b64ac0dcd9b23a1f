import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import type { EnrolmentOffer } from '@clinicdesk/shared/auth/second-factor.ts';
import { base32Encode, otpauthUri, TOTP, type TotpVerdict } from '@clinicdesk/shared/auth/totp.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sha256Hex } from '../storage/document-hash.ts';
import type { PendingSignInRecord, Store, UserRecord } from '../storage/store.ts';
import type { AuditRecorder } from './audit.service.ts';
import type { LoginRefusal, LoginThrottle } from './login-throttle.ts';
import { verifyTotp } from './totp-code.ts';

/** The HttpOnly cookie of a pending sign-in; sent only to `/api/auth`, never a session. */
export const PENDING_SIGN_IN_COOKIE = 'cd_sign_in';
export const PENDING_SIGN_IN_COOKIE_PATH = '/api/auth';

/**
 * How long a correct password waits for its code. Every pending-sign-in rule reads these. Long
 * enough to unlock a phone and type six digits; enrolling also means installing or opening an
 * authenticator app and scanning, so it gets longer.
 */
export const PENDING_SIGN_IN_LIFETIME = {
  codeMs: 5 * 60 * 1000,
  enrolMs: 10 * 60 * 1000,
} as const;

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type PendingStep = 'code' | 'enrol';

export type SecondFactorError =
  /** No pending sign-in for this cookie any more (expired, used, ended): sign in again. */
  | { code: 'sign-in-expired' }
  | { code: 'wrong-code' }
  | { code: 'code-already-used' }
  /** The step asked for does not fit the account (enrolling twice, a code before enrolling). */
  | { code: 'forbidden'; message: string };

export type SecondFactorOutcome = Result<
  { user: SessionUser; token: string },
  SecondFactorError | LoginRefusal
>;

export type SecondFactorService = {
  /** A correct password of a person who owes a code: a pending sign-in, never a session. */
  begin(
    user: UserRecord,
    deviceId: string,
  ): Promise<{ token: string; step: PendingStep; expiresInSeconds: number }>;
  /** The secret to enrol, the same for every ask of one pending sign-in; only before enrolling. */
  offerEnrolment(token: string | undefined): Promise<Result<EnrolmentOffer, SecondFactorError>>;
  /** Enrols with the first code of the offered secret, and signs the person in. */
  confirmEnrolment(
    token: string | undefined,
    code: string,
    clientAddress: string,
  ): Promise<SecondFactorOutcome>;
  /** Signs an enrolled person in with a code. */
  submitCode(
    token: string | undefined,
    code: string,
    clientAddress: string,
  ): Promise<SecondFactorOutcome>;
  /** Ends a pending sign-in (the person chose to start over); nothing when there is none. */
  cancel(token: string | undefined): Promise<void>;
};

/**
 * The second step of signing in for office managers and administrators (RFC 6238 TOTP). A code
 * counts toward the same throttle as a password, so a known password does not buy unlimited
 * guesses: each code is an attempt, and only a code that completes the sign-in clears the
 * account's failure count.
 */
export function createSecondFactorService(deps: {
  store: Store;
  clock: () => Date;
  randomBytes: (n: number) => Uint8Array;
  audit: AuditRecorder;
  throttle: LoginThrottle;
  /** Opens the real session once the code is accepted (auth.service.ts). */
  openSession: (
    user: UserRecord,
    deviceId: string,
    secondFactor: true,
  ) => Promise<{ user: SessionUser; token: string }>;
}): SecondFactorService {
  const { store, clock, audit } = deps;

  /** The live pending sign-in of a cookie; null when there is none (an expired one is deleted). */
  async function livePending(token: string | undefined) {
    if (!token || !TOKEN_PATTERN.test(token)) return null;
    const found = await store.findPendingSignIn(sha256Hex(token));
    if (!found) return null;
    if (clock().getTime() >= found.pending.expiresAt.getTime() || !found.user.active) {
      await store.consumePendingSignIn(found.pending.tokenHash);
      return null;
    }
    return found;
  }

  const auditOf = (user: UserRecord, pending: PendingSignInRecord) => ({
    userId: user.id,
    username: user.username,
    deviceId: pending.deviceId,
  });

  /**
   * Runs one code attempt through the sign-in throttle: `judge` says whether the code is good
   * (and records its step); a good code turns the pending sign-in into a session.
   */
  async function attempt(
    token: string | undefined,
    clientAddress: string,
    kind: 'code' | 'enrolment',
    judge: (found: {
      pending: PendingSignInRecord;
      user: UserRecord;
    }) => Promise<Result<true, SecondFactorError>>,
  ): Promise<SecondFactorOutcome> {
    const found = await livePending(token);
    // A sign-in begun before sessions were bound to a device names none: it starts over.
    if (!found || found.pending.deviceId === null)
      return fail({ code: 'sign-in-expired' as const });
    const { pending, user } = found;
    const deviceId = found.pending.deviceId;
    const throttled = await deps.throttle.begin(user.username, clientAddress);
    if (!throttled.ok) {
      await audit.record({
        action: 'sign-in-refused',
        ...auditOf(user, pending),
        detail: `second factor: ${throttled.error.reason === 'locked' ? 'locked' : 'waiting after failures'}`,
      });
      return throttled;
    }
    const verdict = await judge(found);
    if (!verdict.ok) {
      if (verdict.error.code === 'wrong-code' || verdict.error.code === 'code-already-used') {
        await throttled.value.failed();
        await audit.record({
          action: 'second-factor-failed',
          ...auditOf(user, pending),
          detail: `${kind === 'enrolment' ? 'enrolment: ' : ''}${
            verdict.error.code === 'wrong-code' ? 'wrong code' : 'code already used'
          }`,
        });
      }
      return verdict;
    }
    // Used once: of two requests racing with good codes, one signs in.
    if (!(await store.consumePendingSignIn(pending.tokenHash)))
      return fail({ code: 'sign-in-expired' as const });
    await throttled.value.succeeded();
    await audit.record({
      action: kind === 'enrolment' ? 'second-factor-enrolled' : 'second-factor',
      ...auditOf(user, pending),
    });
    await audit.record({ action: 'sign-in', ...auditOf(user, pending) });
    return ok(await deps.openSession(user, deviceId, true));
  }

  const refusal = (verdict: TotpVerdict & { ok: false }): Result<never, SecondFactorError> =>
    fail({ code: verdict.reason === 'wrong' ? 'wrong-code' : 'code-already-used' });

  return {
    async begin(user, deviceId) {
      const now = clock();
      await store.deleteExpiredPendingSignIns(now);
      const enrolled = (await store.findSecondFactor(user.id)) !== null;
      const step: PendingStep = enrolled ? 'code' : 'enrol';
      const token = Buffer.from(deps.randomBytes(TOKEN_BYTES)).toString('base64url');
      const lifetimeMs = enrolled
        ? PENDING_SIGN_IN_LIFETIME.codeMs
        : PENDING_SIGN_IN_LIFETIME.enrolMs;
      await store.createPendingSignIn({
        tokenHash: sha256Hex(token),
        userId: user.id,
        deviceId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + lifetimeMs),
        enrolmentSecret: null,
      });
      return { token, step, expiresInSeconds: lifetimeMs / 1000 };
    },

    async offerEnrolment(token) {
      const found = await livePending(token);
      if (!found) return fail({ code: 'sign-in-expired' as const });
      if (await store.findSecondFactor(found.user.id))
        return fail({
          code: 'forbidden' as const,
          message: 'Two-factor sign-in is already set up for this account. Enter a code instead.',
        });
      // 160 bits from the CSPRNG; kept on the pending sign-in until a first code confirms it.
      const offered = base32Encode(deps.randomBytes(TOTP.secretBytes));
      const secret = await store.offerEnrolmentSecret(found.pending.tokenHash, offered);
      if (secret === null) return fail({ code: 'sign-in-expired' as const });
      return ok({
        secret,
        uri: otpauthUri({ account: found.user.username, secret }),
        issuer: TOTP.issuer,
        account: found.user.username,
      });
    },

    confirmEnrolment: (token, code, clientAddress) =>
      attempt(token, clientAddress, 'enrolment', async ({ pending, user }) => {
        if (pending.enrolmentSecret === null)
          return fail({
            code: 'forbidden' as const,
            message: 'Fetch the secret to add to your authenticator app first.',
          });
        const verdict = verifyTotp(pending.enrolmentSecret, code, clock(), null);
        if (!verdict.ok) return refusal(verdict);
        const enrolled = await store.enrolSecondFactor({
          userId: user.id,
          totpSecret: pending.enrolmentSecret,
          enrolledAt: clock(),
          // The confirming code is used up like any other.
          lastUsedStep: verdict.step,
        });
        if (!enrolled)
          return fail({
            code: 'forbidden' as const,
            message: 'Two-factor sign-in is already set up for this account. Sign in again.',
          });
        return ok(true);
      }),

    submitCode: (token, code, clientAddress) =>
      attempt(token, clientAddress, 'code', async ({ user }) => {
        const factor = await store.findSecondFactor(user.id);
        if (!factor)
          return fail({
            code: 'forbidden' as const,
            message: 'Two-factor sign-in is not set up for this account yet. Sign in again.',
          });
        const verdict = verifyTotp(factor.totpSecret, code, clock(), factor.lastUsedStep);
        if (!verdict.ok) return refusal(verdict);
        // Compare-and-set: a second request with the same code, even on another instance,
        // finds the step taken and is refused as a reuse.
        if (!(await store.useSecondFactorStep(user.id, verdict.step)))
          return fail({ code: 'code-already-used' as const });
        return ok(true);
      }),

    async cancel(token) {
      if (!token || !TOKEN_PATTERN.test(token)) return;
      await store.consumePendingSignIn(sha256Hex(token));
    },
  };
}
