import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { lineTextFault } from '@clinicdesk/shared/text/line-text.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import {
  LOGIN_BODY_MAX_BYTES,
  type NoBody,
  readJson,
  requireJson,
} from '../middleware/json-body.ts';
import { anySignedIn, openToAnyone } from '../middleware/permission.ts';
import {
  SESSION_COOKIE,
  SESSION_LIFETIME,
  type AuthService,
  type LoginInput,
} from '../services/auth.service.ts';
import { loginRefusalMessage } from '../services/login-throttle.ts';
import {
  PENDING_SIGN_IN_COOKIE,
  PENDING_SIGN_IN_COOKIE_PATH,
} from '../services/second-factor.service.ts';
import { createSecondFactorRoutes } from './second-factor.routes.ts';

/** `/api/auth`: sign in (with its second-factor step), sign out, and "who am I". */
export function createAuthRoutes(deps: {
  auth: AuthService;
  requireSession: MiddlewareHandler<AppEnv>;
  secureCookies: boolean;
  /**
   * Where a sign-in came from, for the per-address limit. By default the connecting socket's
   * address; `X-Forwarded-For` is believed only with `trustProxy`, since anyone can send it.
   */
  clientAddress?: ((c: Context<AppEnv>) => string) | undefined;
  /** Set only when a proxy we run sits in front and appends the client's address. */
  trustProxy?: boolean | undefined;
}) {
  const { auth, secureCookies } = deps;
  const clientAddress = deps.clientAddress ?? ((c) => connectingAddress(c, deps.trustProxy));

  async function startSession(c: Context<AppEnv>, token: string) {
    // A sign-in replaces whatever session this browser had (no session fixation).
    await auth.logout(getCookie(c, SESSION_COOKIE));
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: secureCookies,
      maxAge: SESSION_LIFETIME.absoluteMs / 1000,
    });
  }

  const clearPendingCookie = (c: Context<AppEnv>) =>
    deleteCookie(c, PENDING_SIGN_IN_COOKIE, {
      path: PENDING_SIGN_IN_COOKIE_PATH,
      secure: secureCookies,
      sameSite: 'Strict',
    });

  const signingIn = openToAnyone('signing in is how a session begins');
  const loginBody = requireJson<LoginBody>({ maxBytes: LOGIN_BODY_MAX_BYTES });
  return new Hono<AppEnv>()
    .post('/login', signingIn, loginBody, async (c) => {
      const input = parseLogin(await readJson(c.req));
      if (!input.ok) return apiError(c, 'invalid-request', input.error);
      const result = await auth.login({ ...input.value, clientAddress: clientAddress(c) });
      if (!result.ok) {
        if (result.error.code === 'invalid-credentials') return apiError(c, 'invalid-credentials');
        if (result.error.reason === 'wait')
          c.header('Retry-After', String(result.error.retryAfterSeconds));
        return apiError(c, 'rate-limited', loginRefusalMessage(result.error));
      }
      // An earlier sign-in of this browser still waiting for its code is over either way.
      await auth.secondFactor.cancel(getCookie(c, PENDING_SIGN_IN_COOKIE));
      const success = result.value;
      if (success.kind === 'second-factor') {
        // Sent back only to /api/auth: no other route would take it anyway (they read the
        // session cookie), and this way the browser does not even offer it elsewhere.
        setCookie(c, PENDING_SIGN_IN_COOKIE, success.token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: PENDING_SIGN_IN_COOKIE_PATH,
          secure: secureCookies,
          maxAge: success.expiresInSeconds,
        });
        return c.json(
          { secondFactor: success.step, expiresInSeconds: success.expiresInSeconds },
          200,
        );
      }
      if (getCookie(c, PENDING_SIGN_IN_COOKIE) !== undefined) clearPendingCookie(c);
      await startSession(c, success.token);
      return c.json({ user: success.user }, 200);
    })
    .route(
      '/second-factor',
      createSecondFactorRoutes({ auth, clientAddress, startSession, clearPendingCookie }),
    )
    .post(
      '/logout',
      openToAnyone('signing out ends whatever session or pending sign-in the browser holds'),
      requireJson<NoBody>({ maxBytes: LOGIN_BODY_MAX_BYTES, bodyOptional: true }),
      async (c) => {
        await auth.logout(getCookie(c, SESSION_COOKIE), { signOut: true });
        if (getCookie(c, PENDING_SIGN_IN_COOKIE) !== undefined) {
          await auth.secondFactor.cancel(getCookie(c, PENDING_SIGN_IN_COOKIE));
          clearPendingCookie(c);
        }
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies, sameSite: 'Strict' });
        return c.json({ ok: true as const }, 200);
      },
    )
    .get(
      '/session',
      deps.requireSession,
      anySignedIn('who the signed-in person is, for their own device'),
      (c) => c.json({ user: c.get('session').user }, 200),
    );
}

/**
 * The connecting socket's address ('unknown' where there is none, as in `app.request()`); with
 * `trustProxy`, the last `X-Forwarded-For` entry, the one our own proxy appended.
 */
export function connectingAddress(c: Context<AppEnv>, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return unmapIpv4(forwarded.slice(0, 64));
  }
  try {
    return unmapIpv4(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** `::ffff:10.0.0.7` and `10.0.0.7` are one client. */
function unmapIpv4(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** What a sign-in sends (checked by parseLogin). */
type LoginBody = Omit<LoginInput, 'clientAddress'>;

function parseLogin(body: unknown): Result<LoginBody, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('Send { "username", "password" }');
  const { username, password, deviceId } = body as Record<string, unknown>;
  if (typeof username !== 'string' || username.trim().length === 0 || username.length > 100)
    return fail('Enter a username of at most 100 characters');
  // No account has one (usernames are letters, digits, dots, hyphens), and a failed sign-in
  // records the username as typed: hidden characters would show as another person's name.
  if (lineTextFault(username.trim()))
    return fail('A username cannot hold hidden, invisible or line-break characters');
  if (typeof password !== 'string' || password.length === 0 || password.length > 1024)
    return fail('Enter a password of at most 1024 characters');
  // Required: the session is bound to this one device, and acts as no other (ADR 8).
  if (typeof deviceId !== 'string' || !UUID_PATTERN.test(deviceId))
    return fail('Send the device id (a lowercase UUID) of the device signing in');
  // In NFC, as accounts are stored and as a failed sign-in is recorded (the password is hashed
  // in NFC by password-hash.ts).
  return ok({ username: username.trim().normalize('NFC'), password, deviceId });
}
