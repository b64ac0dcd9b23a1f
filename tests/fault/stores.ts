import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the server keeps its data for one run, and how to throw it away afterwards. */
export type PreparedStore = { env: Record<string, string>; cleanup: () => Promise<void> };

export type StoreVariant = {
  name: 'sqlite' | 'postgres';
  /** Why this store cannot run here, or null when it can. */
  unavailable: () => string | null;
  prepare: () => Promise<PreparedStore>;
};

const SQLITE: StoreVariant = {
  name: 'sqlite',
  unavailable: () => null,
  // The server's fresh data directory holds the SQLite file; an inherited DATABASE_URL must
  // not switch this run to PostgreSQL.
  prepare: () => Promise.resolve({ env: { DATABASE_URL: '' }, cleanup: () => Promise.resolve() }),
};

const POSTGRES: StoreVariant = {
  name: 'postgres',
  unavailable: () =>
    process.env.TEST_DATABASE_URL
      ? null
      : 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)',
  /** A fresh schema per run (`fault_<random>`), picked through the URL's search_path. */
  async prepare() {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `fault_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `CREATE SCHEMA ${schema}`);
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      env: { DATABASE_URL: url.toString() },
      cleanup: () => adminQuery(base, `DROP SCHEMA ${schema} CASCADE`),
    };
  },
};

export const STORES: readonly StoreVariant[] = [SQLITE, POSTGRES];

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
