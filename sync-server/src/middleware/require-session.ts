import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { DEVICE_HEADER } from '@clinicdesk/shared/sync/protocol.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { SESSION_COOKIE, type AuthService } from '../services/auth.service.ts';

/**
 * Lets a request through only with a live session, which it puts on the context with the one
 * device the session is bound to. A request that names any other device — in the device header
 * or, on the stream (EventSource sends no headers), the `device` query parameter — is refused on
 * every route: a copied cookie or a forged header must never act as, or report for, another
 * person's tablet.
 */
export function createRequireSession(auth: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await auth.resume(token);
    if (!session) return apiError(c, await auth.whyRefused(token));
    // A value that is no device id at all names no device; syncClient answers it with 400.
    const named = [c.req.header(DEVICE_HEADER), ...(c.req.queries('device') ?? [])];
    if (named.some((id) => id !== undefined && UUID_PATTERN.test(id) && id !== session.deviceId))
      return apiError(c, 'session-on-another-device');
    c.set('session', session);
    c.set('deviceId', session.deviceId);
    await next();
  });
}
