import { join } from 'node:path';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';

/**
 * SQLite in the data directory by default: one server process, nothing to set up. With
 * `DATABASE_URL` (postgres://…), PostgreSQL: several server instances can share it.
 */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export type ServerConfig = {
  port: number;
  /** 127.0.0.1 by default; 0.0.0.0 makes the server reachable from the clinic's LAN. */
  host: string;
  /** Uploaded files and, with SQLite, the database live here. */
  dataDir: string;
  database: DatabaseConfig;
  staticRoot: string;
  secureCookies: boolean;
  /** Believe X-Forwarded-For (its last entry) for the per-address sign-in limit. */
  trustProxy: boolean;
  demo: boolean;
  /** How many synthetic patients the demo clinic starts with (DEMO_PATIENTS). */
  demoPatients: number;
  /** Filed documents the demo clinic starts with (issue 12.12); 0 leaves its files empty. */
  demoDocuments: number;
};

/** A clinic's worth of patients to try the desk with, still quick to seed and to sync. */
export const DEFAULT_DEMO_PATIENTS = 3000;
/** A few thousand documents, as issue 12.12 asks: generated PDFs with text, across categories. */
export const DEFAULT_DEMO_DOCUMENTS = 2000;

/**
 * The server's settings from the environment and command line, which the caller passes in
 * (`main.ts` and the CLI are the only places that touch `process`).
 */
export function readServerConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  repoRoot: string,
): Result<ServerConfig, string> {
  // The URL is never echoed back: it may hold a password.
  if (env.DATABASE_URL && !isPostgresUrl(env.DATABASE_URL))
    return fail('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/db');
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return fail(`PORT must be a number from 1 to 65535 (got ${env.PORT})`);
  const secure = env.SECURE_COOKIES ?? 'false';
  if (secure !== 'true' && secure !== 'false')
    return fail(`SECURE_COOKIES must be true or false (got ${secure})`);
  const trustProxy = env.TRUST_PROXY ?? 'false';
  if (trustProxy !== 'true' && trustProxy !== 'false')
    return fail(`TRUST_PROXY must be true or false (got ${trustProxy})`);
  const dataDir = env.DATA_DIR || join(repoRoot, 'data');
  const demoPatients = Number(env.DEMO_PATIENTS ?? DEFAULT_DEMO_PATIENTS);
  if (!Number.isInteger(demoPatients) || demoPatients < 0 || demoPatients > 100_000)
    return fail(`DEMO_PATIENTS must be a whole number from 0 to 100000 (got ${env.DEMO_PATIENTS})`);
  const demoDocuments = Number(env.DEMO_DOCUMENTS ?? DEFAULT_DEMO_DOCUMENTS);
  if (!Number.isInteger(demoDocuments) || demoDocuments < 0 || demoDocuments > 100_000)
    return fail(`DEMO_DOCUMENTS must be a whole number from 0 to 100000 (got ${env.DEMO_DOCUMENTS})`); // prettier-ignore
  return ok({
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'sqlite', file: join(dataDir, 'clinicdesk.sqlite') },
    staticRoot: env.STATIC_ROOT || join(repoRoot, 'web', 'build'),
    secureCookies: secure === 'true',
    trustProxy: trustProxy === 'true',
    demo: argv.includes('--demo'),
    demoPatients,
    demoDocuments,
  });
}

/** Where the data is, for the log: the PostgreSQL password is masked. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return `SQLite ${database.file}`;
  const url = new URL(database.url);
  if (url.password) url.password = '*****';
  if (url.searchParams.has('password')) url.searchParams.set('password', '*****');
  return `PostgreSQL ${url.toString()}`;
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}
