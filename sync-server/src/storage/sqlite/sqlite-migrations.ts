import type { DatabaseSync } from 'node:sqlite';
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
