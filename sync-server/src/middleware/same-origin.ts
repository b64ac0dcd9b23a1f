import { createMiddleware } from 'hono/factory';
import { apiError } from '../http/api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The API serves the app on its own origin and nobody else: no CORS allowance is ever sent (so a
 * foreign page cannot read any answer), and a state-changing request that a browser marks as
 * coming from another site is refused before it does anything — on top of the SameSite=Strict
 * cookie. Compared by host, because TLS usually ends at a proxy in front of us (the browser's
 * Origin says https, the request we see says http). Requests without Origin or Sec-Fetch-Site
 * (command-line tools, server-to-server) carry no ambient cookie to abuse and pass.
 */
export const sameOriginOnly = createMiddleware(async (c, next) => {
  // A CORS preflight is never answered with an allowance; the browser then refuses on its own.
  if (c.req.method === 'OPTIONS') return c.body(null, 204);
  if (!SAFE_METHODS.has(c.req.method)) {
    if (c.req.header('sec-fetch-site') === 'cross-site')
      return apiError(c, 'forbidden', 'Requests from other sites are refused');
    const origin = c.req.header('origin');
    if (origin !== undefined && hostOf(origin) !== c.req.header('host'))
      return apiError(c, 'forbidden', 'Requests from other sites are refused');
  }
  await next();
});

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, file://) or garbage: never our host.
  }
}
