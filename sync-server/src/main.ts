/**
 * Starts the ClinicDesk server: the only module that reads the environment and opens the
 * database. `node sync-server/src/main.ts [--demo]`; settings are described in server-config.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { formatDemoBanner } from './demo/demo-accounts.ts';
import { seedDemoClinic } from './demo/seed-demo-clinic.ts';
import { createDuplicatesService } from './services/duplicates.service.ts';
import { createConsoleLogger, type Logger } from './logger.ts';
import { describeDatabase, readServerConfig, type DatabaseConfig } from './server-config.ts';
import type { ChangeBus } from './services/change-bus.ts';
import { createPostgresChangeBus } from './services/change-bus-postgres.ts';
import { collectBlobsJob } from './jobs/collect-blobs.job.ts';
import { emptyTrashJob } from './jobs/empty-trash.job.ts';
import { createInProcessChangeBus } from './services/change-bus.ts';
import { createDispositionService } from './services/disposition.service.ts';
import { createJobRunner } from './jobs/job-runner.ts';
import type { BlobStorage } from './storage/blobs/blob-storage.ts';
import { openFsBlobStorage } from './storage/blobs/fs-blob-storage.ts';
import { moveFolderBlobs } from './storage/blobs/move-folder-blobs.ts';
import { openPostgresBlobStorage } from './storage/blobs/postgres-blob-storage.ts';
import { openPostgresStore } from './storage/postgres/postgres-store.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { Store } from './storage/store.ts';

async function main(): Promise<void> {
  const log = createConsoleLogger();
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const config = readServerConfig(process.env, process.argv.slice(2), repoRoot);
  if (!config.ok) {
    log.error(config.error);
    process.exitCode = 1;
    return;
  }
  const { port, host, dataDir, demo } = config.value;
  const clock = () => new Date();
  const random = (n: number): Uint8Array => randomBytes(n);

  mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase(config.value.database, log, clock());
  const { store } = database;
  log.info(`Database: ${describeDatabase(config.value.database)}`);

  const blobs = await openBlobStorage(config.value.database, join(dataDir, 'blobs'), log, clock);
  const noStaff = (await store.countUsers()) === 0;
  if (demo && noStaff) {
    const seeded = await seedDemoClinic(
      { store, clock, randomBytes: random, blobs },
      config.value.demoPatients,
      config.value.demoDocuments,
    );
    log.info(
      `Seeded the demo clinic: ${seeded.accounts} accounts, ${seeded.patients} patients, ${seeded.documents} documents`,
    );
  }

  // Patients stored without a device's push (the demo seed, data from an earlier version) are
  // checked for duplicates once, in the background: a large practice's first start stays quick.
  createDuplicatesService({ store, clock })
    .checkUnchecked()
    .then((checked) => {
      if (checked > 0) log.info(`Checked ${checked} patients for likely duplicates`);
    })
    .catch((error: unknown) =>
      log.error('The duplicate check of stored patients failed', { error: String(error) }),
    );

  const staticRoot = existsSync(config.value.staticRoot) ? config.value.staticRoot : undefined;
  if (!staticRoot)
    log.warn(
      `The web app is not built (${config.value.staticRoot} is missing), so only the API is served. Run: pnpm build`,
    );

  // Housekeeping: files no record refers to are collected after a grace period (issue 11).
  // One change bus for the app and the jobs, so that what a job destroys is announced to devices.
  const bus =
    database.bus ??
    createInProcessChangeBus((error) =>
      log.error('A change listener failed', { error: String(error) }),
    );
  const disposition = createDispositionService({ store, bus, clock, blobs });
  const housekeeping = createJobRunner({
    jobs: [collectBlobsJob({ store, blobs }), emptyTrashJob({ disposition })],
    clock,
    log,
  });
  housekeeping.start();

  const app = createApp({
    store,
    clock,
    randomBytes: random,
    staticRoot,
    secureCookies: config.value.secureCookies,
    trustProxy: config.value.trustProxy,
    log,
    bus,
    blobs,
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
          '  pnpm run create-admin --username <name> --display-name "<Full Name>"',
          'or start the demo clinic with: pnpm serve:demo',
        ].join('\n'),
      );
  });
  server.on('error', (error: Error) => {
    log.error(`The server could not start: ${error.message}`);
    void database.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: stopping ClinicDesk`);
    // Open event streams would keep close() waiting forever; devices reconnect on their own.
    server.close(() => {
      void housekeeping
        .stop()
        .then(() => blobs.close())
        .then(() => database.close())
        .finally(() => {
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

/**
 * The store, and with PostgreSQL the change bus through which instances sharing the database
 * hear about each other's commits (with SQLite there is one process: the app's in-process bus).
 */
async function openDatabase(
  database: DatabaseConfig,
  log: Logger,
  now: Date,
): Promise<{ store: Store; bus: ChangeBus | undefined; close: () => Promise<void> }> {
  if (database.kind === 'sqlite') {
    const store = openSqliteStore(database.file, { now });
    return { store, bus: undefined, close: () => store.close() };
  }
  const store = await openPostgresStore(database.url, {
    now,
    onIdleError: (error) => log.warn('A database connection failed', { error: error.message }),
  });
  try {
    const bus = await createPostgresChangeBus({ url: database.url, log });
    const close = async () => {
      await bus.close();
      await store.close();
    };
    return { store, bus, close };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Where files live (ADR 17): with PostgreSQL in the database, so that every instance serves
 * every file without a shared folder (files a folder still holds from before are moved in);
 * with SQLite in `DATA_DIR/blobs`. Opened after the store, which migrates the database.
 */
async function openBlobStorage(
  database: DatabaseConfig,
  folder: string,
  log: Logger,
  clock: () => Date,
): Promise<BlobStorage> {
  if (database.kind === 'sqlite') return openFsBlobStorage(folder);
  const blobs = await openPostgresBlobStorage(database.url, {
    clock,
    onIdleError: (error) => log.warn('A database connection failed', { error: error.message }),
  });
  const { moved, refused } = await moveFolderBlobs(folder, blobs);
  if (moved > 0) log.info(`Moved ${moved} files from ${folder} into the database`);
  for (const file of refused)
    log.warn(`A file in ${folder} was left there: ${file.message}`, { sha256: file.sha256 });
  return blobs;
}

main().catch((error: unknown) => {
  console.error('ClinicDesk could not start:', error);
  // Open PostgreSQL connections would otherwise keep a server that never started running.
  process.exit(1);
});
