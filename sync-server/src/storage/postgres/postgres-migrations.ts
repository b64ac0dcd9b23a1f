import type { Pool } from 'pg';
import { loadMigrationFiles, type Migration } from '../migration-files.ts';
import { integer } from './postgres-row.ts';
import { inTransaction } from './postgres-transaction.ts';

const MIGRATIONS_DIR = new URL('../../migrations/postgres/', import.meta.url);

export type { Migration };

/** The numbered SQL files of `src/migrations/postgres/`, in order. */
export function loadPostgresMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return loadMigrationFiles(dir, 'PostgreSQL');
}

/**
 * Applies the pending migrations in order, all in one transaction (PostgreSQL DDL is
 * transactional): the schema is either at the old version or the new one, never in between.
 * Refuses a database newer than this code.
 *
 * Several server instances may start at once against one database. Each takes the same
 * transaction-scoped advisory lock before looking at schema_migrations, so the first migrates
 * and the others wait, then find nothing left to do. Without it both would see version 0 and
 * the second would fail on CREATE TABLE (or, worse, half-apply a later migration). The lock is
 * database-wide, so instances in other schemas of the same database merely wait their turn.
 */
export function migratePostgres(pool: Pool, migrations: Migration[], now: Date): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('clinicdesk:migrations'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row: Record<string, unknown>) => integer(row, 'version')));
    const known = new Set(migrations.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => !known.has(version));
    if (unknown.length > 0)
      throw new Error(
        `The database has migrations this ClinicDesk does not know (${unknown.join(', ')}); ` +
          'it was written by a newer version',
      );
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      // Without parameters pg uses the simple query protocol, which runs a whole script.
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, now],
      );
    }
    return pending.map((migration) => migration.version);
  });
}
