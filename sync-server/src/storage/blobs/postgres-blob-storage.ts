import pg from 'pg';
import { type BlobRef, type BlobType, SHA256_PATTERN } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { blobRefSchema } from '@clinicdesk/shared/blobs/blob-ref.schema.ts';
import { inTransaction } from '../postgres/postgres-transaction.ts';
import { integer, text } from '../postgres/postgres-row.ts';
import type { BlobStorage, StoredBlob } from './blob-storage.ts';

export type PostgresBlobStorageOptions = {
  /** When a file was stored (kept for the operator; nothing reads it). */
  clock: () => Date;
  /** Bytes per stored chunk: a download holds one chunk in memory at a time. */
  chunkBytes?: number | undefined;
  /** Connections the files may hold at once, beside the store's own pool. */
  maxConnections?: number | undefined;
  /** A pooled connection that broke while idle; reported, never raised (see postgres-store.ts). */
  onIdleError?: ((error: Error) => void) | undefined;
};

const CHUNK_BYTES = 512 * 1024;

/**
 * Files in PostgreSQL (migration 0013, ADR 17): a row of `blob_files` (address, type, size,
 * number of chunks) and the bytes in numbered `blob_chunks`, so every server instance on the
 * database reads the files the others stored. The schema is the store's: open the store first,
 * which migrates it.
 *
 * An upload is read to its end before anything is written (files are at most 15 MB, and the
 * blob service has counted and hashed every byte by then), then the row and its chunks are
 * written in one transaction: the commit is the moment the file exists, so a reader never sees
 * half of one, and an upload that broke off or was refused wrote nothing. A download reads one
 * chunk per query as the client takes them.
 */
export async function openPostgresBlobStorage(
  url: string,
  options: PostgresBlobStorageOptions,
): Promise<BlobStorage> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 4,
    application_name: 'clinicdesk-files',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    const { rows } = await pool.query("SELECT to_regclass('blob_chunks') IS NOT NULL AS ready");
    if (rows[0]?.ready !== true)
      throw new Error(
        'The database has no tables for files yet: open the store first (it migrates)',
      );
  } catch (error) {
    await pool.end();
    throw error;
  }

  async function has(sha256: string): Promise<BlobRef | null> {
    const row = await fileRow(pool, sha256);
    return row?.ref ?? null;
  }

  async function get(sha256: string): Promise<StoredBlob | null> {
    const row = await fileRow(pool, sha256);
    if (!row) return null;
    const { ref, chunks } = row;
    let next = 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (next === chunks) {
            controller.close();
            return;
          }
          const { rows } = await pool.query(
            'SELECT bytes FROM blob_chunks WHERE sha256 = $1 AND n = $2',
            [sha256, next],
          );
          const bytes: unknown = rows[0]?.bytes;
          // Collected while it was being read (the collection job): the reader gets an error,
          // never a shorter file passed off as whole.
          if (!(bytes instanceof Uint8Array)) {
            controller.error(new Error('The file was removed while it was being read'));
            return;
          }
          next++;
          sent += bytes.byteLength;
          if (next === chunks && sent !== ref.size) {
            controller.error(new Error('The stored file is not the size its reference says'));
            return;
          }
          controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        },
      },
      // Nothing is read before the client asks for it (and nothing at all for a HEAD).
      { highWaterMark: 0 },
    );
    return { ...ref, body };
  }

  async function put(sha256: string, type: BlobType, body: ReadableStream<Uint8Array>) {
    requireDigest(sha256);
    const existing = await has(sha256);
    if (existing) {
      await body.cancel();
      return { outcome: 'existed' as const, ref: existing };
    }
    // A body that errors (refused by the verifier, cut off) throws here: nothing is written.
    const { chunks, size } = await readInChunks(body, chunkBytes);
    const ref: BlobRef = { sha256, type, size };
    return inTransaction(pool, async (client) => {
      // Two instances storing the same file at once: the second waits for the first's commit
      // here, then finds the row taken, writes nothing and reports the file as it was stored.
      const inserted = await client.query(
        `INSERT INTO blob_files (sha256, type, size, chunks, stored_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sha256) DO NOTHING`,
        [sha256, type, size, chunks.length, options.clock()],
      );
      if (inserted.rowCount === 0) {
        const stored = await fileRow(client, sha256);
        if (!stored) throw new Error('A file stored at the same moment could not be read back');
        return { outcome: 'existed' as const, ref: stored.ref };
      }
      for (const [n, bytes] of chunks.entries())
        await client.query('INSERT INTO blob_chunks (sha256, n, bytes) VALUES ($1, $2, $3)', [
          sha256,
          n,
          bytes,
        ]);
      return { outcome: 'created' as const, ref };
    });
  }

  async function remove(sha256: string): Promise<boolean> {
    requireDigest(sha256);
    // The chunks go with the row (ON DELETE CASCADE), in the same statement.
    const deleted = await pool.query('DELETE FROM blob_files WHERE sha256 = $1', [sha256]);
    return (deleted.rowCount ?? 0) > 0;
  }

  let closing: Promise<void> | undefined;
  return { has, get, put, remove, close: () => (closing ??= pool.end()) };
}

type Queryable = Pick<pg.Pool, 'query'>;

async function fileRow(
  db: Queryable,
  sha256: string,
): Promise<{ ref: BlobRef; chunks: number } | null> {
  requireDigest(sha256);
  const { rows } = await db.query(
    'SELECT sha256, type, size, chunks FROM blob_files WHERE sha256 = $1',
    [sha256],
  );
  const row = rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  const ref = blobRefSchema.safeParse({
    sha256: text(row, 'sha256'),
    type: text(row, 'type'),
    size: integer(row, 'size'),
  });
  if (!ref.success) throw new Error(`The stored file ${sha256} has a reference that is not valid`);
  return { ref: ref.data, chunks: integer(row, 'chunks') };
}

/** Every storage takes only digests for addresses, whatever it turns them into. */
function requireDigest(sha256: string): void {
  if (!SHA256_PATTERN.test(sha256)) throw new Error('A blob address must be a SHA-256 digest');
}

/** The whole body, regrouped into chunks of `chunkBytes` (the last one shorter). */
async function readInChunks(
  body: ReadableStream<Uint8Array>,
  chunkBytes: number,
): Promise<{ chunks: Buffer[]; size: number }> {
  const chunks: Buffer[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let size = 0;
  for await (const part of body) {
    size += part.byteLength;
    let rest = part;
    while (pendingBytes + rest.byteLength >= chunkBytes) {
      const take = chunkBytes - pendingBytes;
      chunks.push(Buffer.concat([...pending, rest.subarray(0, take)]));
      pending = [];
      pendingBytes = 0;
      rest = rest.subarray(take);
    }
    if (rest.byteLength > 0) {
      // Copied: a stream may hand over a view of a buffer it reuses.
      pending.push(Uint8Array.from(rest));
      pendingBytes += rest.byteLength;
    }
  }
  if (pendingBytes > 0) chunks.push(Buffer.concat(pending));
  return { chunks, size };
}
