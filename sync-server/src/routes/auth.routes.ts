import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { LOGIN_BODY_MAX_BYTES, readJson, requireJson } from '../middleware/json-body.ts';
import {
  SESSION_COOKIE,
  SESSION_LIFETIME,
  type AuthService,
  type LoginInput,
} from '../services/auth.service.ts';

/** `/api/auth`: sign in, sign out, and "who am I". */
export function createAuthRoutes(deps: {
  auth: AuthService;
  requireSession: MiddlewareHandler<AppEnv>;
  secureCookies: boolean;
}) {
  const { auth, secureCookies } = deps;
  return new Hono<AppEnv>()
    .post('/login', requireJson({ maxBytes: LOGIN_BODY_MAX_BYTES }), async (c) => {
      const input = parseLogin(await readJson(c.req));
      if (!input.ok) return apiError(c, 'invalid-request', input.error);
      const result = await auth.login(input.value);
      if (!result.ok) return apiError(c, 'invalid-credentials');
      // A sign-in replaces whatever session this browser had (no session fixation).
      await auth.logout(getCookie(c, SESSION_COOKIE));
      setCookie(c, SESSION_COOKIE, result.value.token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: secureCookies,
        maxAge: SESSION_LIFETIME.absoluteMs / 1000,
      });
      return c.json({ user: result.value.user }, 200);
    })
    .post(
      '/logout',
      requireJson({ maxBytes: LOGIN_BODY_MAX_BYTES, bodyOptional: true }),
      async (c) => {
        await auth.logout(getCookie(c, SESSION_COOKIE));
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies, sameSite: 'Strict' });
        return c.json({ ok: true as const }, 200);
      },
    )
    .get('/session', deps.requireSession, (c) => c.json({ user: c.get('session').user }, 200));
}

function parseLogin(body: unknown): Result<LoginInput, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('Send { "username", "password" }');
  const { username, password, deviceId } = body as Record<string, unknown>;
  if (typeof username !== 'string' || username.trim().length === 0 || username.length > 100)
    return fail('Enter a username of at most 100 characters');
  if (typeof password !== 'string' || password.length === 0 || password.length > 1024)
    return fail('Enter a password of at most 1024 characters');
  if (deviceId !== undefined && (typeof deviceId !== 'string' || !UUID_PATTERN.test(deviceId)))
    return fail('The device id must be a lowercase UUID');
  return ok({ username: username.trim(), password, deviceId });
}
