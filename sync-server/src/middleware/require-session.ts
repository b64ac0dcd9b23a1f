import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { SESSION_COOKIE, type AuthService } from '../services/auth.service.ts';

/** Lets a request through only with a live session, which it puts on the context. */
export function createRequireSession(auth: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await auth.resume(token);
    if (!session) return apiError(c, await auth.whyRefused(token));
    c.set('session', session);
    await next();
  });
}
