import type { DatabaseSync } from 'node:sqlite';
import { migrateStoredDocument, partitionSteps } from '../document-migrations.ts';
import { loadMigrationFiles, type Migration } from '../migration-files.ts';
import { immediateTransaction } from './sqlite-transaction.ts';

const MIGRATIONS_DIR = new URL('../../migrations/sqlite/', import.meta.url);

export type { Migration };

/** The numbered SQL files of `src/migrations/sqlite/`, in order. */
export function loadSqliteMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return loadMigrationFiles(dir, 'SQLite');
}

/**
 * Applies the pending migrations in order, all in one transaction: the database is either at the
 * old version or the new one, never in between. Refuses a database newer than this code.
 */
export function migrateSqlite(db: DatabaseSync, migrations: Migration[], now: Date): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  return immediateTransaction(db, () => {
    const applied = new Set(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((row) => Number(row.version)),
    );
    const known = new Set(migrations.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => !known.has(version));
    if (unknown.length > 0)
      throw new Error(
        `The database has migrations this ClinicDesk does not know (${unknown.join(', ')}); ` +
          'it was written by a newer version',
      );
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now.toISOString());
    }
    return pending.map((migration) => migration.version);
  });
}

/**
 * Brings every partition's stored documents, and their earlier versions, to the schema version
 * the registry declares, by the partition's pure migrations (ADR 15), in one transaction. The
 * seqs stay: every device runs the same migrations on its own copy, so nothing is sent again.
 */
export function migrateSqliteDocuments(db: DatabaseSync): void {
  immediateTransaction(db, () => {
    const stored = new Map(
      db
        .prepare('SELECT partition, version FROM partition_versions')
        .all()
        .map((row) => [String(row.partition), Number(row.version)] as const),
    );
    const readCurrent = db.prepare('SELECT id, data FROM documents WHERE collection = ?');
    const writeCurrent = db.prepare(
      'UPDATE documents SET data = ?, data_hash = ? WHERE collection = ? AND id = ?',
    );
    const readVersions = db.prepare('SELECT seq, data FROM document_versions WHERE collection = ?');
    const writeVersion = db.prepare(
      'UPDATE document_versions SET data = ?, data_hash = ? WHERE seq = ?',
    );
    const recordVersion = db.prepare(
      `INSERT INTO partition_versions (partition, version) VALUES (?, ?)
       ON CONFLICT (partition) DO UPDATE SET version = excluded.version`,
    );
    for (const step of partitionSteps(stored)) {
      if (step.from < step.to) {
        for (const row of readCurrent.all(step.partition)) {
          const next = migrateStoredDocument(step, String(row.data));
          writeCurrent.run(next.data, next.hash, step.partition, String(row.id));
        }
        for (const row of readVersions.all(step.partition)) {
          const next = migrateStoredDocument(step, String(row.data));
          writeVersion.run(next.data, next.hash, Number(row.seq));
        }
      }
      if (stored.get(step.partition) !== step.to) recordVersion.run(step.partition, step.to);
    }
  });
}
