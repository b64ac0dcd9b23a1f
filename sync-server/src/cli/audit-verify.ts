/**
 * Verifies the audit trail's hash chain and names the first entry that does not verify:
 *   pnpm run audit:verify
 * Uses the same database as the server (DATA_DIR, or DATABASE_URL for PostgreSQL) and may run
 * while the server does. Exit code 0 when intact, 1 when broken, 2 when it could not check.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeDatabase, readServerConfig } from '../server-config.ts';
import { describeVerification, verifyAuditTrail } from '../services/audit-verify.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';

async function auditVerify(): Promise<number> {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const config = readServerConfig(process.env, [], repoRoot);
  if (!config.ok) {
    console.error(config.error);
    return 2;
  }
  const { database } = config.value;
  if (database.kind === 'sqlite' && !existsSync(database.file)) {
    console.error(`There is no database at ${database.file} (set DATA_DIR or DATABASE_URL).`);
    return 2;
  }
  const store =
    database.kind === 'postgres'
      ? await openPostgresStore(database.url, { now: new Date() })
      : openSqliteStore(database.file, { now: new Date() });
  try {
    console.log(`Checking the audit trail in ${describeDatabase(database)}`);
    const result = await verifyAuditTrail(store);
    console.log(describeVerification(result));
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await auditVerify().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return 2;
});
