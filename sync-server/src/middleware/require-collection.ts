import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import { isCollectionName } from '@clinicdesk/shared/sync/collections.ts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { asGuard } from './permission.ts';

/**
 * The guard of pull and push (`/:collection/…`): the collection must exist and the role must
 * read it, or nothing about it is answered — not even a checkpoint or a conflict. Writes are
 * then judged row by row against the stored and the new state (authoriseRow), inside the push.
 */
export const requireCollection = asGuard(
  createMiddleware<AppEnv>(async (c, next) => {
    const collection = c.req.param('collection');
    if (collection === undefined || !isCollectionName(collection))
      return apiError(c, 'unknown-collection');
    if (!canRead(c.get('session').user.role, collection))
      return apiError(c, 'forbidden', 'Your role does not give access to these records');
    await next();
  }),
  { kind: 'collection' },
);
