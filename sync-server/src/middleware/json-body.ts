import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { apiError } from '../http/api-error.ts';

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export const PUSH_BODY_MAX_BYTES = 1024 * 1024;
export const LOGIN_BODY_MAX_BYTES = 16 * 1024;

/**
 * The API takes JSON only. Besides keeping parsing simple, a cross-site form cannot send JSON
 * without a CORS preflight, which this server never grants. `bodyOptional` lets a bodiless POST
 * (sign out) through without a Content-Type.
 */
export function requireJson(options: { maxBytes: number; bodyOptional?: boolean }) {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: (c) => apiError(c, 'payload-too-large'),
  });
  return createMiddleware(async (c, next) => {
    const contentType = c.req.header('content-type');
    const bodiless = contentType === undefined && options.bodyOptional === true;
    if (!bodiless && !JSON_CONTENT_TYPE.test(contentType ?? ''))
      return apiError(c, 'unsupported-media-type');
    return limit(c, next);
  });
}

/** The parsed JSON body, or undefined when it is not JSON at all. */
export async function readJson(request: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
