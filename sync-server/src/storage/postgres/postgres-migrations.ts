import type { Pool } from 'pg';
import { migrateStoredDocument, partitionSteps } from '../document-migrations.ts';
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

/**
 * Brings every partition's stored documents, and their earlier versions, to the schema version
 * the registry declares, by the partition's pure migrations (ADR 15), in one transaction under
 * the migrations' lock, so that of several instances starting at once one migrates and the
 * others find nothing left. The seqs stay: every device runs the same migrations on its copy.
 */
export function migratePostgresDocuments(pool: Pool): Promise<void> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('clinicdesk:migrations'))");
    const { rows } = await client.query('SELECT partition, version FROM partition_versions');
    const stored = new Map(
      rows.map((row: Record<string, unknown>) => [String(row.partition), integer(row, 'version')]),
    );
    for (const step of partitionSteps(stored)) {
      if (step.from < step.to) {
        const current = await client.query('SELECT id, data FROM documents WHERE collection = $1', [
          step.partition,
        ]);
        for (const row of current.rows as Record<string, unknown>[]) {
          const next = migrateStoredDocument(step, String(row.data));
          await client.query(
            'UPDATE documents SET data = $1, data_hash = $2 WHERE collection = $3 AND id = $4',
            [next.data, next.hash, step.partition, String(row.id)],
          );
        }
        const versions = await client.query(
          'SELECT seq, data FROM document_versions WHERE collection = $1',
          [step.partition],
        );
        for (const row of versions.rows as Record<string, unknown>[]) {
          const next = migrateStoredDocument(step, String(row.data));
          await client.query(
            'UPDATE document_versions SET data = $1, data_hash = $2 WHERE seq = $3',
            [next.data, next.hash, integer(row, 'seq')],
          );
        }
      }
      if (stored.get(step.partition) !== step.to)
        await client.query(
          `INSERT INTO partition_versions (partition, version) VALUES ($1, $2)
           ON CONFLICT (partition) DO UPDATE SET version = excluded.version`,
          [step.partition, step.to],
        );
    }
  });
}
