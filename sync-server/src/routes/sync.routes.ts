import { Hono, type Context, type TypedResponse } from 'hono';
import type { Principal } from '@clinicdesk/shared/sync/authorise-row.ts';
import { isCollectionName } from '@clinicdesk/shared/sync/collections.ts';
import {
  deviceNameRequestSchema,
  deviceReportSchema,
  type DeviceReport,
} from '@clinicdesk/shared/sync/device-health.ts';
import {
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  type PullResponse,
  type PushRequest,
} from '@clinicdesk/shared/sync/protocol.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { takesQuery } from '../http/takes-query.ts';
import { PUSH_BODY_MAX_BYTES, readJson, requireJson } from '../middleware/json-body.ts';
import { requireCollection } from '../middleware/require-collection.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import { createDevicesService } from '../services/devices.service.ts';
import { pullResponseBody, type SyncService } from '../services/sync.service.ts';
import type { Store } from '../storage/store.ts';

/** Pull, push and device health under `/api/sync/v1`. Mounted behind `requireSession`. */
export function createSyncRoutes(deps: { sync: SyncService; store: Store; clock: () => Date }) {
  const client = syncClient('headers', deps);
  const devices = createDevicesService(deps);
  const pullQuery = takesQuery<{ since?: string; limit?: string }>();
  return new Hono<AppEnv>()
    .post(
      '/devices/report',
      client,
      requireFeature('devices.report'),
      requireJson<DeviceReport>({ maxBytes: 4096 }),
      async (c) => {
        const parsed = deviceReportSchema.safeParse(await readJson(c.req));
        if (!parsed.success) return apiError(c, 'invalid-request', 'Not a device report');
        await devices.report(c.get('deviceId'), c.get('session').user.id, parsed.data);
        return c.json({ ok: true as const }, 200);
      },
    )
    .get('/devices', client, requireFeature('devices.overview'), async (c) => {
      return c.json({ devices: await devices.list() }, 200);
    })
    .put(
      '/devices/:deviceId/name',
      client,
      requireFeature('devices.manage'),
      requireJson<{ name: string }>({ maxBytes: 1024 }),
      async (c) => {
        const parsed = deviceNameRequestSchema.safeParse(await readJson(c.req));
        if (!parsed.success)
          return apiError(
            c,
            'invalid-request',
            parsed.error.issues[0]?.message ?? 'Send { "name" }',
          );
        const renamed = await devices.rename(c.req.param('deviceId'), parsed.data.name);
        if (!renamed.ok) return apiError(c, renamed.error.code, renamed.error.message);
        return c.json({ ok: true as const }, 200);
      },
    )
    .post(
      '/devices/:deviceId/retire',
      client,
      requireFeature('devices.manage'),
      requireJson({ maxBytes: 1024, bodyOptional: true }),
      async (c) => {
        const retired = await devices.retire(c.req.param('deviceId'));
        if (!retired.ok) return apiError(c, retired.error.code, retired.error.message);
        return c.json({ ok: true as const }, 200);
      },
    )
    .get('/:collection/pull', client, requireCollection, pullQuery, async (c) => {
      const collection = c.req.param('collection');
      if (!isCollectionName(collection)) return apiError(c, 'unknown-collection');
      const since = parseWholeNumber(c.req.query('since'), 0);
      const limit = parseWholeNumber(c.req.query('limit'), PULL_LIMIT_DEFAULT);
      if (since === null) return apiError(c, 'invalid-request', 'since must be a whole number');
      if (limit === null || limit < 1 || limit > PULL_LIMIT_MAX)
        return apiError(c, 'invalid-request', `limit must be between 1 and ${PULL_LIMIT_MAX}`);
      const page = await deps.sync.pull(principal(c), collection, since, limit);
      if (!page.ok) return apiError(c, page.error.code, page.error.message);
      // The stored documents go out as stored, not parsed and re-serialised: the body is a
      // PullResponse (pullResponseBody), which the typed client is told.
      return c.body(pullResponseBody(page.value), 200, {
        'content-type': 'application/json',
      }) as unknown as Response & TypedResponse<PullResponse, 200, 'json'>;
    })
    .post(
      '/:collection/push',
      client,
      requireCollection,
      requireJson<PushRequest>({ maxBytes: PUSH_BODY_MAX_BYTES, textPerRow: true }),
      async (c) => {
        const collection = c.req.param('collection');
        if (!isCollectionName(collection)) return apiError(c, 'unknown-collection');
        const result = await deps.sync.push(principal(c), collection, await readJson(c.req));
        if (!result.ok) return apiError(c, result.error.code, result.error.message);
        return c.json(result.value, 200);
      },
    );
}

/** Who asks: the session's user and role, and the device id the sync client checked. */
export function principal(c: Context<AppEnv>): Principal {
  const { user } = c.get('session');
  return { userId: user.id, role: user.role, deviceId: c.get('deviceId'), username: user.username };
}

/** A non-negative safe integer from a query parameter; `fallback` when absent, null when bad. */
function parseWholeNumber(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined) return fallback;
  if (!/^\d{1,16}$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : null;
}
