import pg from 'pg';
import type { Store } from '../store.ts';
import { createPostgresAccounts } from './postgres-accounts.ts';
import { createPostgresCharts } from './postgres-charts.ts';
import { createPostgresAudit } from './postgres-audit.ts';
import { createPostgresDocuments } from './postgres-documents.ts';
import {
  loadPostgresMigrations,
  migratePostgres,
  migratePostgresDocuments,
} from './postgres-migrations.ts';
import { createPostgresSecondFactors } from './postgres-second-factors.ts';
import { text } from './postgres-row.ts';

export type PostgresStoreOptions = {
  now: Date;
  /** Connections this instance may hold at once (pg's default is 10). */
  maxConnections?: number | undefined;
  /**
   * A pooled connection that broke while idle (the database restarted, a proxy timed it out).
   * The pool drops it and opens another when needed; this only reports it. Without a handler
   * pg would raise it as an uncaught error and end the process.
   */
  onIdleError?: ((error: Error) => void) | undefined;
};

/**
 * Connects to the PostgreSQL database at `url` (`options=-c search_path=…` in the URL picks the
 * schema), brings its schema up to date and returns the Store over it. Several server instances
 * may share one database: seqs, sessions and migrations are all coordinated in PostgreSQL.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions,
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections,
    application_name: 'clinicdesk-sync-server',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await requireUtf8(pool);
    await migratePostgres(pool, loadPostgresMigrations(), options.now);
    await migratePostgresDocuments(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const documents = createPostgresDocuments(pool);
  const accounts = createPostgresAccounts(pool);
  let closing: Promise<void> | undefined;
  return {
    pull: documents.pull,
    pullJson: documents.pullJson,
    countAfter: documents.countAfter,
    storedIds: documents.storedIds,
    currentOfKinds: documents.currentOfKinds,
    referencingDocuments: documents.referencingDocuments,
    reannounce: documents.reannounce,
    destroyDocument: documents.destroyDocument,
    blobInUse: documents.blobInUse,
    blobAccess: documents.blobAccess,
    recordBlobUpload: documents.recordBlobUpload,
    unreferencedBlobs: documents.unreferencedBlobs,
    forgetBlobUploads: documents.forgetBlobUploads,
    push: documents.push,
    ...accounts,
    ...createPostgresSecondFactors(pool),
    charts: createPostgresCharts(pool),
    ...createPostgresAudit(pool),
    // Idempotent like the SQLite store's: pg refuses a second end() on a pool.
    close: () => (closing ??= pool.end()),
  };
}

/**
 * Documents are stored as the exact text the device pushed, and their hash is over those bytes.
 * A database in another encoding would refuse or alter some characters, so it is refused here.
 */
async function requireUtf8(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query('SHOW server_encoding');
  const encoding = text(rows[0] ?? {}, 'server_encoding');
  if (encoding !== 'UTF8')
    throw new Error(`The PostgreSQL database must use UTF8 encoding (it uses ${encoding})`);
}
