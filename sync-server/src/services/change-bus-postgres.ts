import pg from 'pg';
import { COLLECTION_NAMES, isCollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { Logger } from '../logger.ts';
import { createInProcessChangeBus, type ChangeBus, type ChangeNotice } from './change-bus.ts';

export const CHANGE_CHANNEL = 'clinicdesk_changes';

export type PostgresChangeBus = ChangeBus & { close(): Promise<void> };

/**
 * The change bus for several server instances on one PostgreSQL database: a push committed on
 * any instance reaches the open streams of all of them.
 *
 * `publish` sends `NOTIFY clinicdesk_changes, '{"collection":…,"seq":…}'` after the push has
 * committed (sync.service.ts calls it then). NOTIFY inside the push transaction would be just as
 * correct, since PostgreSQL delivers it only at commit, but it would tie the Store to the bus;
 * the notice is a hint to pull, so the small window after commit costs a delay, never a write.
 * Each instance LISTENs on one dedicated connection and hands every notice (its own included,
 * which keeps one path for all) to its local subscribers.
 */
export async function createPostgresChangeBus(options: {
  url: string;
  log: Logger;
  /** LISTEN/NOTIFY channels are per database, not per schema: tests pass their own. */
  channel?: string | undefined;
  retryDelayMs?: { first: number; max: number } | undefined;
}): Promise<PostgresChangeBus> {
  const { url, log } = options;
  const channel = options.channel ?? CHANGE_CHANNEL;
  const retry = options.retryDelayMs ?? { first: 100, max: 5000 };
  const local = createInProcessChangeBus((error) =>
    log.error('A change listener failed', { error: String(error) }),
  );
  const publisher = new pg.Pool({ connectionString: url, max: 1 });
  publisher.on('error', (error) =>
    log.warn('A change-bus connection failed', { error: String(error) }),
  );

  let listener: pg.Client | null = null;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let delay = retry.first;

  async function listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: url,
      application_name: 'clinicdesk-change-bus',
      // This connection only ever waits; TCP keepalive lets a silently dropped one be noticed.
      keepAlive: true,
    });
    client.on('notification', (message) => {
      if (message.channel !== channel) return;
      const notice = parseNotice(message.payload);
      // Anyone with access to the database can NOTIFY this channel; only well-formed notices
      // reach the streams.
      if (notice) void local.publish(notice);
      else log.warn('Ignored a malformed change notice', { channel });
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    // close() may have run while this connection was being opened.
    if (closed) await client.end();
    else listener = client;
  }

  function lost(client: pg.Client, error: Error): void {
    // Only the connection in use matters; a replaced or closing one has already been dealt with.
    if (closed || client !== listener) return;
    listener = null;
    log.warn('Lost the change-notice connection; reconnecting', { error: error.message });
    void client.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    reconnectTimer = setTimeout(() => void reconnect(), delay);
    delay = Math.min(delay * 2, retry.max);
  }

  async function reconnect(): Promise<void> {
    if (closed) return;
    try {
      await listen();
      delay = retry.first;
      log.info('Listening for changes again');
      // Notices sent while we were not listening are gone. Announcing the latest seq of each
      // collection makes every stream here pull, which picks up whatever they announced.
      for (const notice of await latestChanges(publisher)) await local.publish(notice);
    } catch (error) {
      log.warn('Could not listen for changes yet', { error: String(error) });
      if (!closed && !listener) scheduleReconnect();
    }
  }

  try {
    await listen();
  } catch (error) {
    await publisher.end();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    async publish(notice) {
      try {
        await publisher.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(notice)]);
      } catch (error) {
        // The push is committed: failing its request now would only make the device retry a
        // stored write. A lost notice costs a delay; the next notice or reconnect catches up.
        log.error('Could not announce a change', { error: String(error) });
      }
    },
    subscribe: local.subscribe,
    close: () =>
      (closing ??= (async () => {
        closed = true;
        clearTimeout(reconnectTimer);
        const client = listener;
        listener = null;
        await client?.end().catch(() => {});
        await publisher.end();
      })()),
  };
}

function parseNotice(payload: string | undefined): ChangeNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { collection, seq } = value as Record<string, unknown>;
  if (typeof collection !== 'string' || !isCollectionName(collection)) return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { collection, seq };
}

/** The highest seq of each collection that has documents (an index lookup per collection). */
async function latestChanges(pool: pg.Pool): Promise<ChangeNotice[]> {
  const { rows } = await pool.query(
    `SELECT name, (SELECT max(seq) FROM documents WHERE collection = name)::text AS seq
     FROM unnest($1::text[]) AS c (name)`,
    [COLLECTION_NAMES],
  );
  return rows.flatMap((row: { name: string; seq: string | null }) => {
    if (row.seq === null || !isCollectionName(row.name)) return [];
    return [{ collection: row.name, seq: Number(row.seq) }];
  });
}
