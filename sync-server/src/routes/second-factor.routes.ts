import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { normaliseTotpCode, TOTP_CODE_PATTERN } from '@clinicdesk/shared/auth/totp.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import {
  LOGIN_BODY_MAX_BYTES,
  type NoBody,
  readJson,
  requireJson,
} from '../middleware/json-body.ts';
import { openToAnyone } from '../middleware/permission.ts';
import type { AuthService } from '../services/auth.service.ts';
import { loginRefusalMessage } from '../services/login-throttle.ts';
import {
  PENDING_SIGN_IN_COOKIE,
  type SecondFactorOutcome,
} from '../services/second-factor.service.ts';

/**
 * `/api/auth/second-factor`: the only things a pending sign-in (its cookie) can do. Enrolled
 * people send a code; people still to enrol fetch a secret, then confirm it with its first code;
 * either may give up.
 * Every other route ignores the pending cookie, so until a code is accepted nothing else answers.
 */
export function createSecondFactorRoutes(deps: {
  auth: AuthService;
  clientAddress: (c: Context<AppEnv>) => string;
  /** Sets the session cookie, as after a password-only sign-in (auth.routes.ts). */
  startSession: (c: Context<AppEnv>, token: string) => Promise<void>;
  clearPendingCookie: (c: Context<AppEnv>) => void;
}) {
  const { auth } = deps;
  const json = requireJson<{ code: string }>({ maxBytes: LOGIN_BODY_MAX_BYTES });
  const pendingToken = (c: Context<AppEnv>) => getCookie(c, PENDING_SIGN_IN_COOKIE);

  async function answer(c: Context<AppEnv>, outcome: SecondFactorOutcome) {
    if (outcome.ok) {
      deps.clearPendingCookie(c);
      await deps.startSession(c, outcome.value.token);
      return c.json({ user: outcome.value.user }, 200);
    }
    const error = outcome.error;
    if (error.code === 'rate-limited') {
      if (error.reason === 'wait') c.header('Retry-After', String(error.retryAfterSeconds));
      return apiError(c, 'rate-limited', loginRefusalMessage(error));
    }
    if (error.code === 'forbidden') return apiError(c, 'forbidden', error.message);
    return apiError(c, error.code);
  }

  return (
    new Hono<AppEnv>()
      // The code step of a sign-in: it needs the pending sign-in's cookie, never a session.
      .use('*', openToAnyone('the second step of signing in, with the pending sign-in cookie'))
      .post('/code', json, async (c) => {
        const code = parseCode(await readJson(c.req));
        if (!code.ok) return apiError(c, 'invalid-request', code.error);
        return answer(
          c,
          await auth.secondFactor.submitCode(pendingToken(c), code.value, deps.clientAddress(c)),
        );
      })
      .post(
        '/enrolment',
        requireJson<NoBody>({ maxBytes: LOGIN_BODY_MAX_BYTES, bodyOptional: true }),
        async (c) => {
          const offer = await auth.secondFactor.offerEnrolment(pendingToken(c));
          if (!offer.ok)
            return offer.error.code === 'forbidden'
              ? apiError(c, 'forbidden', offer.error.message)
              : apiError(c, offer.error.code);
          return c.json(offer.value, 200);
        },
      )
      // Giving up (to sign in as someone else): ends only the pending sign-in, not a session
      // this browser may hold.
      .post(
        '/cancel',
        requireJson<NoBody>({ maxBytes: LOGIN_BODY_MAX_BYTES, bodyOptional: true }),
        async (c) => {
          await auth.secondFactor.cancel(pendingToken(c));
          deps.clearPendingCookie(c);
          return c.json({ ok: true as const }, 200);
        },
      )
      .post('/enrolment/confirm', json, async (c) => {
        const code = parseCode(await readJson(c.req));
        if (!code.ok) return apiError(c, 'invalid-request', code.error);
        return answer(
          c,
          await auth.secondFactor.confirmEnrolment(
            pendingToken(c),
            code.value,
            deps.clientAddress(c),
          ),
        );
      })
  );
}

function parseCode(body: unknown): Result<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('Send { "code" }');
  const { code } = body as Record<string, unknown>;
  if (typeof code !== 'string' || code.length > 20) return fail('Enter the 6-digit code');
  const digits = normaliseTotpCode(code);
  if (!TOTP_CODE_PATTERN.test(digits)) return fail('Enter the 6-digit code');
  return ok(digits);
}
