import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { HEARTBEAT_SECONDS, type StreamEvent } from '@clinicdesk/shared/sync/protocol.ts';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import type { AppEnv } from '../app-env.ts';
import { takesQuery } from '../http/takes-query.ts';
import type { Logger } from '../logger.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { AccessChanges } from '../services/access-changes.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { ChangeBus } from '../services/change-bus.ts';
import type { Store } from '../storage/store.ts';

/**
 * `GET /api/sync/v1/stream`: one server-sent-events connection per device for every collection.
 * It only says "pull now"; checkpoints come from pulls alone, so a missed event costs a delay,
 * never a skipped document.
 */
export function createSyncStreamRoutes(deps: {
  auth: AuthService;
  bus: ChangeBus;
  store: Store;
  clock: () => Date;
  heartbeatMs: number;
  log: Logger;
  access: AccessChanges;
}) {
  const guard = requireFeature('sync.stream');
  // The protocol version and device id come in the query here (syncClient checks them).
  const query = takesQuery<{ protocol: string; device: string }>();
  return new Hono<AppEnv>().get('/stream', query, syncClient('query', deps), guard, (c) => {
    const { sessionId, user } = c.get('session');
    // Proxies such as nginx would otherwise hold events back until a buffer fills.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const closed = Promise.withResolvers<void>();
      stream.onAbort(() => closed.resolve());

      // Writes go out one after another, in the order the events happened.
      let writing = Promise.resolve();
      const send = (event: StreamEvent) => {
        writing = writing
          .then(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) }))
          .catch((error: unknown) => {
            deps.log.error('Stream write failed', { error: String(error) });
            closed.resolve();
          });
      };

      // Subscribe before the resync: a write committed in between is then announced twice at
      // worst, never missed.
      // A device hears only about collections its user may read: even the rhythm of changes
      // elsewhere is none of its business.
      const unsubscribe = deps.bus.subscribe(({ collection, seq }) => {
        if (canRead(user.role, collection)) send({ type: 'change', collection, seq });
      });
      // A new role, deactivation or password reset ends the stream at once; the device's
      // reconnect is then judged under the new rules (or gets 401 and signs the person out).
      const unwatch = deps.access.subscribe(user.id, () => closed.resolve());
      send({ type: 'resync' });

      const heartbeat = setInterval(() => {
        deps.auth.currentUser(sessionId).then(
          (now) => {
            // A signed-out or expired session stops hearing about changes, and so does one whose
            // role changed on another server instance.
            if (now?.role === user.role)
              send({ type: 'heartbeat', serverTime: deps.clock().toISOString() });
            else closed.resolve();
          },
          (error: unknown) => {
            deps.log.error('Stream heartbeat failed', { error: String(error) });
            closed.resolve();
          },
        );
      }, deps.heartbeatMs);

      await closed.promise;
      clearInterval(heartbeat);
      unsubscribe();
      unwatch();
      await writing;
    });
  });
}

export const DEFAULT_HEARTBEAT_MS = HEARTBEAT_SECONDS * 1000;
