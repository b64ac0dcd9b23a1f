import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { HEARTBEAT_SECONDS, type StreamEvent } from '@clinicdesk/shared/sync/protocol.ts';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from '../logger.ts';
import { syncClient } from '../middleware/sync-client.ts';
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
}) {
  return new Hono<AppEnv>().get('/stream', syncClient('query', deps), (c) => {
    const { sessionId } = c.get('session');
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
      const unsubscribe = deps.bus.subscribe(({ collection, seq }) =>
        send({ type: 'change', collection, seq }),
      );
      send({ type: 'resync' });

      const heartbeat = setInterval(() => {
        deps.auth.isLive(sessionId).then(
          (live) => {
            // A signed-out or expired session stops hearing about changes; the device's
            // reconnect then gets 401 and asks the person to sign in.
            if (live) send({ type: 'heartbeat', serverTime: deps.clock().toISOString() });
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
      await writing;
    });
  });
}

export const DEFAULT_HEARTBEAT_MS = HEARTBEAT_SECONDS * 1000;
