import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { view } from '../storage/audit.contract.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { createTempDir, TEST_START } from '../test-support.ts';

const CLI = fileURLToPath(new URL('./audit-verify.ts', import.meta.url));

/** `pnpm run audit:verify` as an operator runs it: a separate process on the server's database. */
async function auditVerify(dataDir: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI], { env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('pnpm run audit:verify', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let file: string;
  beforeEach(async () => {
    dir = await createTempDir();
    file = join(dir.path, 'clinicdesk.sqlite');
    const store = openSqliteStore(file, { now: TEST_START });
    await store.appendAuditEvents([1, 2, 3, 4].map((n) => view(n)));
    await store.close();
  });
  afterEach(() => dir.remove());

  function tamper(sql: string) {
    const db = new DatabaseSync(file);
    db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
    db.exec(sql);
    db.close();
  }

  it('says an intact trail is intact, with its count and last hash', async () => {
    const { code, output } = await auditVerify(dir.path);
    expect(code).toBe(0);
    expect(output).toMatch(/Audit trail intact: 4 entries verified/);
    expect(output).toMatch(/Last entry's hash: [0-9a-f]{64}/);
  });

  it.each([
    [
      'an edited entry',
      "UPDATE audit_events SET username = 'sam' WHERE position = 2",
      /BROKEN at entry 2 \(event .+\): Entry 2 was changed/,
    ],
    [
      'a deleted entry',
      'DELETE FROM audit_events WHERE position = 3',
      /BROKEN at entry 3: .*Entry 3 is missing/,
    ],
    [
      'two entries swapped',
      'UPDATE audit_events SET position = 9 WHERE position = 2; UPDATE audit_events SET position = 2 WHERE position = 3; UPDATE audit_events SET position = 3 WHERE position = 9;',
      /BROKEN at entry 2 .*does not link to entry 1/,
    ],
  ])('names the first broken entry: %s', async (_, sql, expected) => {
    tamper(sql);
    const { code, output } = await auditVerify(dir.path);
    expect(code).toBe(1);
    expect(output).toMatch(expected);
  });

  it('says so when there is no database to check', async () => {
    const { code, output } = await auditVerify(join(dir.path, 'elsewhere'));
    expect(code).toBe(2);
    expect(output).toMatch(/There is no database/);
  });
});
