import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import {
  createTestSchema,
  describePostgres,
  type TestSchema,
} from '../storage/postgres/postgres-test-database.ts';
import { patient, TEST_START } from '../test-support.ts';
import type { ChangeBus, ChangeNotice } from './change-bus.ts';
import { createPostgresChangeBus, type PostgresChangeBus } from './change-bus-postgres.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };

describePostgres('the PostgreSQL change bus', () => {
  let schema: TestSchema;
  let channel: string;
  let buses: PostgresChangeBus[];
  let warnings: string[];
  const log: Logger = {
    info: () => {},
    warn: (message) => warnings.push(message),
    error: () => {},
  };
  const open = async () => {
    const bus = await createPostgresChangeBus({
      url: schema.url,
      log,
      channel,
      retryDelayMs: { first: 10, max: 100 },
    });
    buses.push(bus);
    return bus;
  };
  const listening = async () =>
    schema.query(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${channel}"`]);

  beforeEach(async () => {
    schema = await createTestSchema();
    // Channels are shared by the whole database: each test gets its own.
    channel = `cd_test_${randomBytes(6).toString('hex')}`;
    buses = [];
    warnings = [];
  });
  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await schema.drop();
  });

  it('carries a change from one instance to the streams of every instance', async () => {
    const [here, there] = [await open(), await open()];
    const [heard, heardThere] = [inbox(here), inbox(there)];
    await here.publish({ collection: 'patients', seq: 7 });
    expect(await heardThere.next()).toEqual({ collection: 'patients', seq: 7 });
    expect(await heard.next()).toEqual({ collection: 'patients', seq: 7 });

    heardThere.unsubscribe();
    await here.publish({ collection: 'patients', seq: 8 });
    expect(await heard.next()).toEqual({ collection: 'patients', seq: 8 });
    expect(heardThere.received).toEqual([]);
  });

  it('passes on only well-formed ClinicDesk notices', async () => {
    const heard = inbox(await open());
    await schema.query('SELECT pg_notify($1, $2)', [channel, 'not json']);
    await schema.query('SELECT pg_notify($1, $2)', [channel, '{"collection":"wards","seq":1}']);
    await schema.query('SELECT pg_notify($1, $2)', [channel, '{"collection":"patients","seq":3}']);
    expect(await heard.next()).toEqual({ collection: 'patients', seq: 3 });
    expect(warnings).toEqual([
      'Ignored a malformed change notice',
      'Ignored a malformed change notice',
    ]);
  });

  it('listens again after losing its connection, and tells streams to catch up', async () => {
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 1 });
    try {
      await store.push(
        'patients',
        [{ next: patient(1) }, { next: patient(2) }],
        WRITER,
        TEST_START,
      );
      const bus = await open();
      const heard = inbox(bus);
      const mine = await listening();
      expect(mine).toHaveLength(1);
      const other = await open();
      // Kill only `bus`'s listening connection, the way a database restart or a proxy would.
      // It cannot know what was announced while it was away (the push above stands for that),
      // so once back it must tell its streams to pull.
      await schema.query('SELECT pg_terminate_backend($1)', [mine[0]?.pid]);

      expect(await heard.next()).toEqual({ collection: 'patients', seq: 2 });
      expect(warnings).toContain('Lost the change-notice connection; reconnecting');
      await other.publish({ collection: 'patients', seq: 3 });
      expect(await heard.next()).toEqual({ collection: 'patients', seq: 3 });
    } finally {
      await store.close();
    }
  });

  it('closes its connections, once however often it is asked', async () => {
    const bus = await open();
    expect(await listening()).toHaveLength(1);
    await Promise.all([bus.close(), bus.close()]);
    await bus.close();
    await pollUntil(async () => (await listening()).length === 0);
  });
});

/** The notices a subscriber receives, to await one at a time. */
function inbox(bus: ChangeBus) {
  const received: ChangeNotice[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = bus.subscribe((notice) => {
    received.push(notice);
    wake?.();
  });
  return {
    received,
    unsubscribe,
    async next(): Promise<ChangeNotice> {
      for (;;) {
        const notice = received.shift();
        if (notice) return notice;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

async function pollUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
