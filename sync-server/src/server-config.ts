import { join } from 'node:path';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';

export type ServerConfig = {
  port: number;
  /** 127.0.0.1 by default; 0.0.0.0 makes the server reachable from the clinic's LAN. */
  host: string;
  dataDir: string;
  databaseFile: string;
  staticRoot: string;
  secureCookies: boolean;
  demo: boolean;
};

/**
 * The server's settings from the environment and command line, which the caller passes in
 * (`main.ts` and the CLI are the only places that touch `process`).
 */
export function readServerConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  repoRoot: string,
): Result<ServerConfig, string> {
  if (env.DATABASE_URL)
    return fail(
      'DATABASE_URL is set, but PostgreSQL support comes with issue 3. Unset it to use SQLite.',
    );
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return fail(`PORT must be a number from 1 to 65535 (got ${env.PORT})`);
  const secure = env.SECURE_COOKIES ?? 'false';
  if (secure !== 'true' && secure !== 'false')
    return fail(`SECURE_COOKIES must be true or false (got ${secure})`);
  const dataDir = env.DATA_DIR || join(repoRoot, 'data');
  return ok({
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseFile: join(dataDir, 'clinicdesk.sqlite'),
    staticRoot: env.STATIC_ROOT || join(repoRoot, 'web', 'build'),
    secureCookies: secure === 'true',
    demo: argv.includes('--demo'),
  });
}
