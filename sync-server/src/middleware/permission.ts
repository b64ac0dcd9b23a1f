import type { Feature } from '@clinicdesk/shared/auth/permissions.ts';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';

/**
 * What a route's guard allows, written on the guard itself so that a test can walk every route
 * registered on the app and find the one guard each must have (ADR 8: every route has an
 * explicit permission; `app.permissions.test.ts`):
 * - a feature of the permission table (`requireFeature`);
 * - a replicated collection, judged by its `read` roles and then row by row (`requireCollection`);
 * - any signed-in person, whatever the role, for what is about the person themselves, with why;
 * - open to anyone, for the few routes that must be (signing in, the app's files), with why.
 */
export type Permission =
  | { kind: 'feature'; feature: Feature }
  | { kind: 'collection' }
  | { kind: 'signed-in'; why: string }
  | { kind: 'public'; why: string };

const PERMISSION = Symbol('permission');

type Guard = MiddlewareHandler<AppEnv> & { [PERMISSION]?: Permission };

/** Marks a middleware as the permission guard of the routes it is used on. */
export function asGuard<M extends MiddlewareHandler<AppEnv>>(guard: M, permission: Permission): M {
  (guard as Guard)[PERMISSION] = permission;
  return guard;
}

/** The permission a handler guards with; undefined for any other handler. */
export function permissionOf(handler: unknown): Permission | undefined {
  return typeof handler === 'function' ? (handler as Guard)[PERMISSION] : undefined;
}

/** A route anyone may call, signed in or not: says so, and why, instead of saying nothing. */
export function openToAnyone(why: string) {
  return asGuard(
    createMiddleware<AppEnv>(async (_c, next) => {
      await next();
    }),
    { kind: 'public', why },
  );
}

/**
 * A route for every signed-in person whatever the role (what is about themselves). Refuses a
 * request without a session, so it must follow `requireSession`.
 */
export function anySignedIn(why: string) {
  return asGuard(
    createMiddleware<AppEnv>(async (c, next) => {
      if (c.get('session') === undefined) return apiError(c, 'unauthenticated');
      await next();
    }),
    { kind: 'signed-in', why },
  );
}
