import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * `c.json` for a body whose type is already a wire type from shared, made of JSON values only:
 * the web's typed client (`hc<AppType>`) reads it as exactly that type. Hono's own rendering of
 * a body's type for the client cannot follow a recursive JSON type (a recorded conflict's
 * values) and would hand the web a looser one that the shared type does not accept.
 */
export function wireJson<T extends object, S extends ContentfulStatusCode>(
  c: Context,
  body: T,
  status: S,
): Response & TypedResponse<T, S, 'json'> {
  return c.json(body, status) as unknown as Response & TypedResponse<T, S, 'json'>;
}
