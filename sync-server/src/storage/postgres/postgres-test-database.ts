/**
 * Test helpers for the PostgreSQL store: which database to use, and a throwaway schema per test
 * so parallel test files (and parallel runs) never see each other's rows. Not imported by
 * production code.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

const NOT_SET = 'TEST_DATABASE_URL is not set; PostgreSQL tests cannot run in CI';

/**
 * `describe` for tests that need PostgreSQL (TEST_DATABASE_URL, e.g.
 * postgres://postgres@127.0.0.1:5432/test). Without it they are skipped with a warning on a
 * developer's machine, but fail in CI: a green CI run must mean the PostgreSQL store was tested.
 */
export function describePostgres(name: string, body: () => void): void {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    describe(name, () => {
      it('has a PostgreSQL database to run against', () => {
        throw new Error(NOT_SET);
      });
    });
    return;
  }
  if (!url) console.warn(`Skipping "${name}": set TEST_DATABASE_URL to run the PostgreSQL tests.`);
  describe.skipIf(!url)(name, body);
}

export type TestSchema = {
  name: string;
  /** TEST_DATABASE_URL with `options=-c search_path=<schema>`: everything lands in the schema. */
  url: string;
  /** Runs one statement in the schema (for test setup and inspection). */
  query: (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
};

/** A new, empty schema `cd_test_<random>` in the test database. */
export async function createTestSchema(): Promise<TestSchema> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error(NOT_SET);
  const name = `cd_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${name}`);

  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    name,
    url: url.toString(),
    query: async (sql, values) => (await pool.query(sql, values)).rows,
    async drop() {
      await pool.query(`DROP SCHEMA ${name} CASCADE`);
      await pool.end();
    },
  };
}
