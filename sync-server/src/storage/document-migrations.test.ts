/**
 * A server of the release before partitions held kinds upgrades its store in place: every
 * stored document, and every earlier version of it, is brought to the registry's version by the
 * partition's own migrations (the steps devices run), with the same seqs, on SQLite and on
 * PostgreSQL.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../test-support.ts';
import { canonicalDocument } from './document-hash.ts';
import { partitionSteps } from './document-migrations.ts';
import { loadPostgresMigrations, migratePostgres } from './postgres/postgres-migrations.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { createTestSchema, describePostgres, type TestSchema } from './postgres/postgres-test-database.ts'; // prettier-ignore
import { loadSqliteMigrations, migrateSqlite } from './sqlite/sqlite-migrations.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const BEN = {
  userId: 'u-ben',
  name: 'Ben Okafor',
  deviceId: '019abc00-0000-7000-8000-00000000000b',
};
const P1 = '019abc00-0000-7000-8000-000000000001';
const VISIT = `v-2026-12-01-0-${P1}`;
const AT = '2026-12-01T09:00:00.000Z';

const patientBefore = (phone: string) => ({
  id: P1,
  givenName: 'Isolde',
  familyName: 'Quennell',
  dateOfBirth: '1984-03-09',
  sex: 'female',
  phone,
  createdAt: AT,
  updatedAt: AT,
  editedBy: BEN,
  _deleted: false,
});
const visitBefore = {
  id: VISIT,
  patientId: P1,
  day: '2026-12-01',
  kind: 'walk-in',
  arrived: { at: AT, by: BEN },
  createdAt: AT,
  updatedAt: AT,
  _deleted: false,
};
/** Rows as the release before kinds stored them: [seq, collection, document]. */
const ROWS_BEFORE = [
  [1, 'patients', patientBefore('+15550100123')],
  [2, 'visits', visitBefore],
  [3, 'patients', patientBefore('+15550100999')],
] as const;
const BEFORE_KINDS = 13; // the last migration of that release

type Row = Record<string, unknown>;
const row = (seq: number, collection: string, doc: object) => {
  const { data, hash } = canonicalDocument(doc);
  return { seq, collection, id: (doc as { id: string }).id, data, hash };
};

describe('partition steps', () => {
  it('bring each partition from its stored version to the declared one, and refuse a newer store', () => {
    expect(
      partitionSteps(
        new Map([
          ['patients', 3],
          ['chartMerges', 0],
          ['visits', 0],
        ]),
      ),
    ).toEqual([
      { partition: 'patients', from: 3, to: 4 },
      { partition: 'chartMerges', from: 0, to: 1 },
      { partition: 'visits', from: 0, to: 1 },
      { partition: 'filing', from: 1, to: 1 },
      { partition: 'disclosures', from: 0, to: 0 },
      { partition: 'policies', from: 0, to: 0 },
      { partition: 'acknowledgments', from: 0, to: 0 },
    ]);
    // A partition the store has not seen yet holds no documents: it starts where it is declared.
    expect(partitionSteps(new Map())).toEqual([
      { partition: 'patients', from: 4, to: 4 },
      { partition: 'chartMerges', from: 1, to: 1 },
      { partition: 'visits', from: 1, to: 1 },
      { partition: 'filing', from: 1, to: 1 },
      { partition: 'disclosures', from: 0, to: 0 },
      { partition: 'policies', from: 0, to: 0 },
      { partition: 'acknowledgments', from: 0, to: 0 },
    ]);
    expect(() => partitionSteps(new Map([['visits', 7]]))).toThrow(/newer than this ClinicDesk/);
  });
});

/** What an upgraded store must hold, read through the store and straight from its tables. */
async function expectUpgraded(
  store: Store,
  rows: () => Promise<Row[]>,
  versions: () => Promise<Row[]>,
) {
  const patients = await store.pull('patients', 0, 10);
  expect(patients.documents).toEqual([{ ...patientBefore('+15550100999'), kind: 'patient' }]);
  expect(patients.lastSeq).toBe(3);
  const visits = await store.pull('visits', 0, 10);
  const { kind: visitType, ...visit } = visitBefore;
  expect(visits.documents).toEqual([{ ...visit, kind: 'visit', visitType }]);
  expect(visits.lastSeq).toBe(2);
  // The stored hash is the hash of the stored state: a device's push based on it is no conflict.
  for (const stored of await rows())
    expect(stored.data_hash).toBe(canonicalDocument(JSON.parse(String(stored.data))).hash);
  const history = await versions();
  expect(history.map((v) => [Number(v.seq), JSON.parse(String(v.data)).kind])).toEqual([
    [1, 'patient'],
    [2, 'visit'],
    [3, 'patient'],
  ]);
  for (const version of history)
    expect(version.data_hash).toBe(canonicalDocument(JSON.parse(String(version.data))).hash);
}

describe('a SQLite store of the release before kinds', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  beforeEach(async () => (dir = await createTempDir()));
  afterEach(() => dir.remove());

  function writeOldStore(path: string) {
    const db = new DatabaseSync(path);
    migrateSqlite(db, loadSqliteMigrations().slice(0, BEFORE_KINDS), NOW);
    for (const [seq, collection, doc] of ROWS_BEFORE) {
      const r = row(seq, collection, doc);
      db.prepare(
        `INSERT INTO documents (collection, id, seq, deleted, data, data_hash, server_time)
         VALUES (?, ?, ?, 0, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, data_hash = excluded.data_hash`,
      ).run(r.collection, r.id, r.seq, r.data, r.hash, NOW.toISOString());
      db.prepare(
        'INSERT INTO document_versions (seq, collection, id, data, data_hash, server_time) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(r.seq, r.collection, r.id, r.data, r.hash, NOW.toISOString());
    }
    db.prepare('UPDATE seq_counter SET value = 3').run();
    db.close();
  }

  it('migrates every document and version in place, seqs kept, and does it once', async () => {
    const path = join(dir.path, 'clinicdesk.db');
    writeOldStore(path);
    const read = (sql: string) => () => {
      const db = new DatabaseSync(path);
      const result = db.prepare(sql).all() as Row[];
      db.close();
      return Promise.resolve(result);
    };
    for (let open = 0; open < 2; open++) {
      const store = openSqliteStore(path, { now: NOW });
      try {
        await expectUpgraded(store, read('SELECT data, data_hash FROM documents'), read('SELECT seq, data, data_hash FROM document_versions ORDER BY seq')); // prettier-ignore
      } finally {
        await store.close();
      }
    }
    expect(
      await read('SELECT partition, version FROM partition_versions ORDER BY partition')(),
    ).toEqual([
      { partition: 'acknowledgments', version: 0 },
      { partition: 'chartMerges', version: 1 },
      { partition: 'disclosures', version: 0 },
      { partition: 'filing', version: 1 },
      { partition: 'patients', version: 4 },
      { partition: 'policies', version: 0 },
      { partition: 'visits', version: 1 },
    ]);
  });
});

describePostgres('a PostgreSQL store of the release before kinds', () => {
  let schema: TestSchema;
  beforeEach(async () => (schema = await createTestSchema()));
  afterEach(() => schema.drop());

  it('migrates every document and version in place, seqs kept, and does it once', async () => {
    const pool = new pg.Pool({ connectionString: schema.url, max: 1 });
    await migratePostgres(pool, loadPostgresMigrations().slice(0, BEFORE_KINDS), NOW);
    await pool.end();
    for (const [seq, collection, doc] of ROWS_BEFORE) {
      const r = row(seq, collection, doc);
      await schema.query(
        `INSERT INTO documents (collection, id, seq, deleted, data, data_hash, server_time)
         VALUES ($1, $2, $3, false, $4, $5, $6)
         ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, data_hash = excluded.data_hash`,
        [r.collection, r.id, r.seq, r.data, r.hash, NOW],
      );
      await schema.query(
        'INSERT INTO document_versions (seq, collection, id, data, data_hash, server_time) VALUES ($1, $2, $3, $4, $5, $6)',
        [r.seq, r.collection, r.id, r.data, r.hash, NOW],
      );
    }
    await schema.query('UPDATE seq_counter SET value = 3');
    for (let open = 0; open < 2; open++) {
      const store = await openPostgresStore(schema.url, { now: NOW, maxConnections: 2 });
      try {
        await expectUpgraded(store, () => schema.query('SELECT data, data_hash FROM documents'), () => schema.query('SELECT seq, data, data_hash FROM document_versions ORDER BY seq')); // prettier-ignore
      } finally {
        await store.close();
      }
    }
    expect(
      await schema.query('SELECT partition, version FROM partition_versions ORDER BY partition'),
    ).toEqual([
      { partition: 'acknowledgments', version: 0 },
      { partition: 'chartMerges', version: 1 },
      { partition: 'disclosures', version: 0 },
      { partition: 'filing', version: 1 },
      { partition: 'patients', version: 4 },
      { partition: 'policies', version: 0 },
      { partition: 'visits', version: 1 },
    ]);
  });
});
