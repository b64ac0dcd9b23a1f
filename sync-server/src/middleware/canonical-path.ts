import { createMiddleware } from 'hono/factory';
import { apiError } from '../http/api-error.ts';

/**
 * Refuses any spelling of an API path other than its one canonical form: doubled slashes,
 * `.` or `..` segments, a trailing slash, `;` parameters, percent-encoding, or another case of
 * `/api` (routes themselves are matched case-sensitively, so `/api/SYNC/…` is simply unknown). Routes and the authorisation in front of them are matched on the canonical form only, so
 * a path that a proxy, the router or a later handler might read differently never gets past them
 * by another name (the "irregular URL" bypass cht-core tests for). Other paths are the web app's
 * and pass untouched.
 */
export const canonicalApiPath = createMiddleware(async (c, next) => {
  const raw = rawPath(c.req.url);
  if (looksLikeApi(raw) && !isCanonicalApiPath(raw)) return apiError(c, 'not-found');
  await next();
});

/** The path exactly as sent, before any decoding or normalisation. */
function rawPath(url: string): string {
  const afterScheme = url.indexOf('//') + 2;
  const start = url.indexOf('/', afterScheme);
  if (start < 0) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}

/** Would any reading of this path (decoded, slashes collapsed, any case) land under /api? */
function looksLikeApi(raw: string): boolean {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Broken percent-encoding: judged on the raw text.
  }
  const collapsed = decoded.replace(/[/\\]+/g, '/').replace(/\/(\.\/)+/g, '/');
  return /^\/+\.?\/*api(?:[/;]|$)/i.test(collapsed);
}

function isCanonicalApiPath(raw: string): boolean {
  // Segments of unreserved characters only (RFC 3986), none of them `.` or `..`.
  return /^\/api(?:\/[\w~-][\w.~-]*)*$/.test(raw);
}
