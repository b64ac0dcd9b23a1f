/**
 * Pull checkpoints on PostgreSQL: a device that pulls while other instances push must still get
 * every acknowledged write exactly once (sync-tech.md §1.6).
 */
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { patient, TEST_START } from '../../test-support.ts';
import { canonicalDocument } from '../document-hash.ts';
import type { Store } from '../store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { createTestSchema, describePostgres, type TestSchema } from './postgres-test-database.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describePostgres('pull checkpoints on PostgreSQL', () => {
  let schema: TestSchema;
  let stores: Store[];
  const open = async () => {
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 2 });
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    schema = await createTestSchema();
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await schema.drop();
  });

  // Nine pools and hundreds of commits: on a loaded 2-core machine this takes more than the
  // default 5 s (it timed out beside a fault run); it times nothing, so it gets room to finish.
  it(
    'never skip a write while eight instances push and a device pulls in small pages',
    { timeout: 60_000 },
    async () => {
      const reader = await open();
      const writers = await Promise.all(range(8).map(open));
      const acknowledged = new Map<string, number>();
      let writing = true;
      const writes = Promise.all(
        writers.map(async (store, w) => {
          for (const p of range(30)) {
            const rows = range(4).map((r) => ({ next: patient(w * 1000 + p * 4 + r) }));
            const outcome = await store.push('patients', rows, WRITER, TEST_START);
            for (const write of outcome.written) acknowledged.set(write.id, write.seq);
          }
        }),
      ).finally(() => (writing = false));

      const pages: { since: number; lastSeq: number; ids: string[] }[] = [];
      let checkpoint = 0;
      const pullOnce = async () => {
        const page = await reader.pull('patients', checkpoint, 5);
        pages.push({
          since: checkpoint,
          lastSeq: page.lastSeq,
          ids: page.documents.map((d) => d.id),
        });
        checkpoint = page.lastSeq;
        return page.documents.length;
      };
      while (writing) await pullOnce();
      await writes;
      while ((await pullOnce()) > 0);

      const seen = pages.flatMap((page) => page.ids);
      expect(acknowledged.size).toBe(8 * 30 * 4);
      // Every acknowledged write reached the device, once.
      expect(seen.toSorted()).toEqual([...acknowledged.keys()].toSorted());
      for (const page of pages) {
        // The checkpoint never moves back, and each page holds exactly the seqs it claims to cover.
        expect(page.lastSeq).toBeGreaterThanOrEqual(page.since);
        const seqs = page.ids.map((id) => acknowledged.get(id) ?? -1);
        expect(seqs).toEqual(seqs.toSorted((a, b) => a - b));
        for (const seq of seqs) expect(seq > page.since && seq <= page.lastSeq).toBe(true);
      }
      // The reader really did pull while writes were committing, not only after.
      expect(pages.filter((page) => page.ids.length > 0).length).toBeGreaterThan(20);
    },
  );

  it('make a pull wait for nothing, yet never let it pass a push that is still committing', async () => {
    const [reader, pusher] = [await open(), await open()];
    const inFlight = new pg.Client({ connectionString: schema.url });
    await inFlight.connect();
    try {
      // A push on another instance, stopped between taking seq 1 and committing.
      await inFlight.query('BEGIN');
      await inFlight.query('SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE');
      await inFlight.query('UPDATE seq_counter SET value = 1 WHERE id = 1');
      const pid = (await inFlight.query('SELECT pg_backend_pid() AS pid')).rows[0] as {
        pid: number;
      };

      // This push queues behind it for the counter instead of taking seq 2 and committing first.
      const second = pusher.push('patients', [{ next: patient(2) }], WRITER, TEST_START);
      await pollUntil(async () => {
        const blocked = await schema.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [pid.pid],
        );
        return blocked[0]?.n === 1;
      });
      expect(await reader.pull('patients', 0, 10)).toEqual({ documents: [], lastSeq: 0 });

      const first = canonicalDocument(patient(1));
      await inFlight.query(
        `INSERT INTO documents VALUES ('patients', $1, 1, false, $2, $3, now(), 'u', 'd')`,
        [patient(1).id, first.data, first.hash],
      );
      await inFlight.query('COMMIT');
      expect((await second).written).toEqual([{ id: patient(2).id, seq: 2 }]);
      const page = await reader.pull('patients', 0, 10);
      expect(page.documents.map((doc) => doc.id)).toEqual([patient(1).id, patient(2).id]);
    } finally {
      await inFlight.end();
    }
  });

  it('shows why a plain SEQUENCE would lose a write', async () => {
    await open();
    await schema.query('CREATE SEQUENCE naive_seq');
    const [slow, fast] = [schema.url, schema.url].map(
      (url) => new pg.Client({ connectionString: url }),
    );
    if (!slow || !fast) throw new Error('unreachable');
    await Promise.all([slow.connect(), fast.connect()]);
    const insert = (client: pg.Client, seq: number, n: number) =>
      client.query(
        `INSERT INTO documents VALUES ('patients', $1, $2, false, '{}', 'x', now(), 'u', 'd')`,
        [patient(n).id, seq],
      );
    const nextval = async (client: pg.Client) =>
      Number((await client.query("SELECT nextval('naive_seq') AS v")).rows[0]?.v);
    try {
      await slow.query('BEGIN');
      const slowSeq = await nextval(slow); // 1, not yet committed
      await fast.query('BEGIN');
      await insert(fast, await nextval(fast), 2); // 2, committed first
      await fast.query('COMMIT');
      const reader = await schema.query('SELECT max(seq)::int AS seq FROM documents');
      const checkpoint = Number(reader[0]?.seq); // the device is now at 2
      await insert(slow, slowSeq, 1);
      await slow.query('COMMIT');
      const after = await schema.query('SELECT id FROM documents WHERE seq > $1', [checkpoint]);
      expect(checkpoint).toBe(2);
      expect(after).toEqual([]); // seq 1 is committed, and this device will never pull it
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });
});

async function pollUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
