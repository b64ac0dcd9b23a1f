import { createMiddleware } from 'hono/factory';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import type { Store } from '../storage/store.ts';

/**
 * Checks the protocol version and device id every sync request carries, then records the device.
 * They come as headers, except on the stream, where EventSource cannot set headers and they come
 * as the query parameters `protocol` and `device`. Runs after `requireSession`.
 */
export function syncClient(source: 'headers' | 'query', deps: { store: Store; clock: () => Date }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const protocol = source === 'headers' ? c.req.header(PROTOCOL_HEADER) : c.req.query('protocol');
    const deviceId = source === 'headers' ? c.req.header(DEVICE_HEADER) : c.req.query('device');

    // An old app (or one that predates the header) must reload before it syncs: its idea of the
    // wire format may be wrong, and its unsynced changes are safe on the device meanwhile.
    if (
      protocol === undefined ||
      (/^\d{1,9}$/.test(protocol) && Number(protocol) < PROTOCOL_VERSION)
    )
      return apiError(c, 'update-required');
    if (protocol !== String(PROTOCOL_VERSION))
      return apiError(c, 'invalid-request', `This server speaks sync protocol ${PROTOCOL_VERSION}`);
    if (deviceId === undefined || !UUID_PATTERN.test(deviceId))
      return apiError(c, 'invalid-request', 'The device id must be a lowercase UUID');

    // A session opened on one device cannot sync as another (a copied cookie, a forged header).
    // requireSession refuses this already; checked again here because everything below acts
    // as this device.
    if (c.get('session').deviceId !== deviceId) return apiError(c, 'session-on-another-device');

    await deps.store.recordDevice({
      deviceId,
      userId: c.get('session').user.id,
      seenAt: deps.clock(),
    });
    c.set('deviceId', deviceId);
    await next();
  });
}
