import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, TEST_START } from '../../test-support.ts';
import { describeAuditContract } from '../audit.contract.ts';
import { describeStoreContract } from '../store.contract.ts';
import { loadSqliteMigrations } from './sqlite-migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

describeStoreContract('SQLite', async () => {
  const dir = await createTempDir();
  return {
    store: openSqliteStore(join(dir.path, 'contract.sqlite'), { now: TEST_START }),
    cleanup: dir.remove,
  };
});

describeAuditContract('SQLite', async () => {
  const dir = await createTempDir();
  const file = join(dir.path, 'audit.sqlite');
  const store = openSqliteStore(file, { now: TEST_START });
  const raw = new DatabaseSync(file);
  raw.exec('PRAGMA busy_timeout = 5000');
  return {
    store,
    sql: async (statement, values = []) => {
      if (values.length === 0) raw.exec(statement);
      else raw.prepare(statement).run(...values);
    },
    dropGuards: 'DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete',
    cleanup: async () => {
      raw.close();
      await dir.remove();
    },
  };
});

describe('the SQLite database file', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let file: string;
  beforeEach(async () => {
    dir = await createTempDir();
    file = join(dir.path, 'clinicdesk.sqlite');
  });
  afterEach(() => dir.remove());

  it('is migrated once, in WAL mode, and keeps its data when reopened', async () => {
    const first = openSqliteStore(file, { now: TEST_START });
    await first.createUser({
      id: 'u1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'admin',
      passwordHash: 'x',
      active: true,
      createdAt: TEST_START,
      demoAccount: false,
    });
    await first.close();
    const second = openSqliteStore(file, { now: TEST_START });
    expect(await second.countUsers()).toBe(1);
    await second.close();

    const db = new DatabaseSync(file);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions.map((row) => row.version)).toEqual(
      loadSqliteMigrations().map((m) => m.version),
    );
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('refuses a database written by a newer ClinicDesk', async () => {
    await openSqliteStore(file, { now: TEST_START }).close();
    const db = new DatabaseSync(file);
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run(
      'future',
      TEST_START.toISOString(),
    );
    db.close();
    expect(() => openSqliteStore(file, { now: TEST_START })).toThrow(/newer version/);
  });
});
