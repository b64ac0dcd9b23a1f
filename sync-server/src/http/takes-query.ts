import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';

type QueryShape = Record<string, string | undefined>;

/** Hono's route input for a query; one whose every parameter is optional may be left out. */
type QueryInput<Query extends QueryShape> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "every key optional"
  {} extends Query
    ? { in: { query?: Query }; out: { query?: Query } }
    : { in: { query: Query }; out: { query: Query } };

/**
 * Declares the query parameters a route reads, for the web's typed client (`hc<AppType>`, issue
 * 11 point 8): the route still parses and checks them itself, and answers bad ones as before. At
 * run time this only passes the request on.
 */
export function takesQuery<Query extends QueryShape>(): MiddlewareHandler<
  AppEnv,
  string,
  QueryInput<Query>
> {
  return createMiddleware(async (_c, next) => {
    await next();
  });
}
