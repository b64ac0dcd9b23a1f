import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { jsonTextFault } from '@clinicdesk/shared/text/well-formed-text.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export const PUSH_BODY_MAX_BYTES = 1024 * 1024;
/**
 * No ClinicDesk document nests deeper than this (a conflict's value inside a patient is about
 * 6). Deeper bodies are refused before any schema walks them, so a hostile body cannot exhaust
 * the stack of a recursive validator.
 */
export const JSON_MAX_DEPTH = 32;
export const LOGIN_BODY_MAX_BYTES = 16 * 1024;

/**
 * The API takes JSON only. Besides keeping parsing simple, a cross-site form cannot send JSON
 * without a CORS preflight, which this server never grants. `bodyOptional` lets a bodiless POST
 * (sign out) through without a Content-Type. Every string and key in the body meets the rule for
 * all text (shared `well-formed-text.ts`) — except where `textPerRow` says the route checks it row
 * by row (a sync push refuses a bad row on its own, never the rows beside it).
 *
 * `Body` is the body the route expects, for the web's typed client only (`hc<AppType>`): nothing
 * here checks it, the handler does, as before.
 */
export function requireJson<Body = never>(options: {
  maxBytes: number;
  bodyOptional?: boolean;
  textPerRow?: boolean;
}): MiddlewareHandler<AppEnv, string, JsonInput<Body>> {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: (c) => apiError(c, 'payload-too-large'),
  });
  return createMiddleware<AppEnv, string, JsonInput<Body>>(async (c, next) => {
    const contentType = c.req.header('content-type');
    const bodiless = contentType === undefined && options.bodyOptional === true;
    if (!bodiless && !JSON_CONTENT_TYPE.test(contentType ?? ''))
      return apiError(c, 'unsupported-media-type');
    let refusal: Response | undefined;
    const limited = await limit(c, async () => {
      // Checked once here, so every handler behind it gets well-formed, shallow JSON: bytes that
      // are not UTF-8 are refused rather than silently turned into U+FFFD and stored.
      const bytes = bodiless ? null : await c.req.arrayBuffer();
      if (bytes && !(bytes.byteLength === 0 && options.bodyOptional)) {
        let body: unknown;
        try {
          body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          refusal = apiError(c, 'invalid-json');
          return;
        }
        if (nestingDepth(body) > JSON_MAX_DEPTH) {
          refusal = apiError(c, 'nesting-too-deep');
          return;
        }
        // Refused, never repaired: what a handler stores and hashes is then exactly what came.
        // Decomposed accents pass: a password is hashed in NFC, stored names are normalised.
        const text = options.textPerRow ? null : jsonTextFault(body, { decomposed: 'allowed' });
        if (text) {
          refusal = apiError(c, 'invalid-text', text.message);
          return;
        }
      }
      await next();
    });
    return refusal ?? limited;
  });
}

/** The body of a route that takes none that says anything: `{}` (or, with `bodyOptional`, none). */
export type NoBody = Record<string, never>;

/** The JSON body a route takes, as Hono's route types declare it; none when not given. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Hono's "no input"
type JsonInput<Body> = [Body] extends [never] ? {} : { in: { json: Body }; out: { json: Body } };

/** How deep arrays and objects nest in a parsed JSON value (iterative: no stack to exhaust). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > JSON_MAX_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The parsed JSON body, or undefined when it is not JSON at all. */
export async function readJson(request: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
