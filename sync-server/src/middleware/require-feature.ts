import { canUse, type Feature } from '@clinicdesk/shared/auth/permissions.ts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { asGuard } from './permission.ts';

/** Lets a request through only if the session's role may use the feature (permissions.ts). */
export function requireFeature(feature: Feature) {
  return asGuard(
    createMiddleware<AppEnv>(async (c, next) => {
      if (!canUse(c.get('session').user.role, feature)) return apiError(c, 'forbidden');
      await next();
    }),
    { kind: 'feature', feature },
  );
}
