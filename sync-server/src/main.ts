/**
 * Starts the ClinicDesk server: the only module that reads the environment and opens the
 * database. `node sync-server/src/main.ts [--demo]`; settings are described in server-config.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { formatDemoBanner } from './demo/demo-accounts.ts';
import { seedDemoClinic } from './demo/seed-demo-clinic.ts';
import { createConsoleLogger } from './logger.ts';
import { readServerConfig } from './server-config.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';

async function main(): Promise<void> {
  const log = createConsoleLogger();
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const config = readServerConfig(process.env, process.argv.slice(2), repoRoot);
  if (!config.ok) {
    log.error(config.error);
    process.exitCode = 1;
    return;
  }
  const { port, host, dataDir, databaseFile, demo } = config.value;
  const clock = () => new Date();
  const random = (n: number): Uint8Array => randomBytes(n);

  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore(databaseFile, { now: clock() });
  log.info(`Database: ${databaseFile}`);

  const noStaff = (await store.countUsers()) === 0;
  if (demo && noStaff) {
    const seeded = await seedDemoClinic({ store, clock, randomBytes: random });
    log.info(`Seeded the demo clinic: ${seeded.accounts} accounts, ${seeded.patients} patients`);
  }

  const staticRoot = existsSync(config.value.staticRoot) ? config.value.staticRoot : undefined;
  if (!staticRoot)
    log.warn(
      `The web app is not built (${config.value.staticRoot} is missing), so only the API is served. Run: pnpm build`,
    );

  const app = createApp({
    store,
    clock,
    randomBytes: random,
    staticRoot,
    secureCookies: config.value.secureCookies,
    log,
  });

  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const url = `http://${host}:${info.port}`;
    log.info(`ClinicDesk is running at ${url}`);
    if (host === '0.0.0.0')
      log.info(
        'Listening on every network interface: computers on the clinic network can reach it.',
      );
    const browserUrl = host === '0.0.0.0' ? `http://localhost:${info.port}` : url;
    if (demo) log.info(formatDemoBanner(browserUrl));
    else if (noStaff)
      log.info(
        [
          'There are no staff accounts yet. Create the first administrator:',
          '  CLINICDESK_ADMIN_PASSWORD=... pnpm exec node sync-server/src/cli/create-admin.ts --username admin --display-name "Office Administrator"',
          'or start the demo clinic with: pnpm serve:demo',
        ].join('\n'),
      );
  });
  server.on('error', (error: Error) => {
    log.error(`The server could not start: ${error.message}`);
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: stopping ClinicDesk`);
    // Open event streams would keep close() waiting forever; devices reconnect on their own.
    server.close(() => {
      void store.close().finally(() => {
        log.info('ClinicDesk stopped');
        process.exit(0);
      });
    });
    if ('closeAllConnections' in server) server.closeAllConnections();
    setTimeout(() => process.exit(1), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('ClinicDesk could not start:', error);
  process.exitCode = 1;
});
