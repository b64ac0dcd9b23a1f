import type { Pool, PoolClient } from 'pg';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
import { writeAuditEvent } from '../audit-rows.ts';
import { canonicalDocument } from '../document-hash.ts';
import {
  destroyAuditEvent,
  destroyedTombstone,
  filesOfStates,
  isDestroyed,
} from '../destroyed-record.ts';
import type {
  BlobAccess,
  DocumentWriter,
  PullPage,
  PullPageJson,
  PushOutcome,
  PushRowInput,
  RowAuthoriser,
} from '../store.ts';
import { appendAuditWithinTransaction } from './postgres-audit.ts';
import { integer, text } from './postgres-row.ts';
import { inTransaction } from './postgres-transaction.ts';
import {
  answerUnlessWrite,
  decideWrite,
  needsHistory,
  type SentAs,
  sentStateHash,
} from '../write-rule.ts';

/**
 * Pull and push of replicated documents over a connection pool.
 *
 * WHY NOT A SEQUENCE. A device pulls "everything after seq N" and then moves its checkpoint to
 * the highest seq it got, so it never asks for anything at or below that again. With
 * `nextval()` two pushes can take 5 and 6 and commit in the order 6, 5: a pull between the two
 * commits sees 6, the device's checkpoint becomes 6, and 5 is never sent to it (sync-tech.md
 * §1.6). Sequences are also not transactional, so a failed push would leave a gap.
 *
 * WHAT WE DO INSTEAD. Every push transaction first locks the single seq_counter row
 * (`SELECT … FOR UPDATE`) and keeps the lock until it commits or rolls back; its seqs are the
 * counter's next values and it writes the new value back before committing. So a transaction
 * only takes seqs once every earlier holder has finished (PostgreSQL makes a commit visible
 * before it releases the transaction's locks): whenever a reader can see seq s, every smaller
 * seq is already visible or was rolled back, and a rolled-back push gives its seqs back. Seq
 * order is commit order, and a pull can never step over a row that is still on its way.
 *
 * Taking that lock FIRST, not just before the first write, does two more things. It serialises
 * the read-check-write of each row, including a document that does not exist yet (which
 * `FOR UPDATE` cannot lock), so two devices creating the same document cannot both "win". And
 * every transaction takes its locks in the same order (counter, then documents), so pushes never
 * deadlock. The cost is one push at a time per database, as with SQLite's BEGIN IMMEDIATE, so
 * a push is kept short: the same four statements whatever its number of rows.
 */
/** Whether the document was ever stored in exactly this state (by any write, at any seq). */
async function hadState(client: PoolClient, collection: string, id: string, hash: string) {
  const { rowCount } = await client.query(
    'SELECT 1 FROM document_versions WHERE collection = $1 AND id = $2 AND data_hash = $3 LIMIT 1',
    [collection, id, hash],
  );
  return (rowCount ?? 0) > 0;
}

/** Every state the document was ever stored in, oldest first. */
async function storedVersions(client: PoolClient, collection: string, id: string) {
  const { rows } = await client.query(
    'SELECT data FROM document_versions WHERE collection = $1 AND id = $2 ORDER BY seq',
    [collection, id],
  );
  return rows.map((row: Record<string, unknown>) => parseDocument(text(row, 'data')));
}

export function createPostgresDocuments(pool: Pool) {
  async function pullJson(
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
  ): Promise<PullPageJson> {
    // One statement, one snapshot; the commit-order argument above makes it gap-safe.
    const { rows } = await pool.query(
      'SELECT seq, data FROM documents WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [collection, sinceSeq, limit],
    );
    const last: Record<string, unknown> | undefined = rows.at(-1);
    return {
      documents: rows.map((row: Record<string, unknown>) => text(row, 'data')),
      seqs: rows.map((row: Record<string, unknown>) => integer(row, 'seq')),
      lastSeq: last ? integer(last, 'seq') : sinceSeq,
    };
  }

  async function countAfter(collection: CollectionName, sinceSeq: number): Promise<number> {
    const { rows } = await pool.query(
      'SELECT COUNT(*)::integer AS n FROM documents WHERE collection = $1 AND seq > $2',
      [collection, sinceSeq],
    );
    const row: Record<string, unknown> | undefined = rows[0];
    return row ? integer(row, 'n') : 0;
  }

  async function pull(
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
  ): Promise<PullPage> {
    const { documents, lastSeq } = await pullJson(collection, sinceSeq, limit);
    return { documents: documents.map(parseDocument), lastSeq };
  }

  async function push(
    collection: CollectionName,
    rows: PushRowInput[],
    writer: DocumentWriter,
    serverTime: Date,
    authorise?: RowAuthoriser,
    sentAs?: SentAs,
  ): Promise<PushOutcome> {
    // A document without a string id cannot be stored under one; refusing the whole push keeps
    // it all-or-nothing, like a failed write inside the transaction would.
    for (const row of rows)
      if (typeof row.next.id !== 'string')
        throw new TypeError('A pushed document has no string id');
    const prepared = rows.map((row) => ({
      id: row.next.id,
      doc: row.next,
      deleted: Boolean(row.next._deleted),
      next: canonicalDocument(row.next),
      assumedHash: row.assumed ? canonicalDocument(row.assumed).hash : null,
      unlessSent: row.unlessSent,
    }));

    return await inTransaction(pool, async (client) => {
      const counter = await client.query('SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE');
      let seq = integer(counter.rows[0] ?? {}, 'value');
      const stored = await lockCurrent(client, collection, [...new Set(prepared.map((r) => r.id))]);

      const outcome: PushOutcome = { conflicts: [], written: [], rejected: [] };
      const writes = new Map<string, (typeof prepared)[number] & { seq: number }>();
      // Every write is a version, even one a later row of this same push overwrites.
      const versions: ((typeof prepared)[number] & { seq: number; existed: boolean })[] = [];
      for (const row of prepared) {
        const locked = stored.get(row.id);
        const current = locked
          ? { doc: parseDocument(locked.data), hash: locked.hash, seq: locked.seq }
          : null;
        const facts = {
          next: row.doc,
          nextHash: row.next.hash,
          assumedHash: row.assumedHash,
          current,
          authorise,
          sentHash: sentStateHash(current, sentAs),
          unlessSent: row.unlessSent,
        };
        const hadNextState =
          needsHistory(facts) && (await hadState(client, collection, row.id, row.next.hash));
        let decision = decideWrite({ ...facts, hadNextState });
        if (decision.kind === 'judge-with-earlier')
          decision = decideWrite({
            ...facts,
            hadNextState,
            earlier: [
              ...(await storedVersions(client, collection, row.id)),
              // Written earlier in this very push, not yet among the stored versions.
              ...versions.filter((version) => version.id === row.id).map((version) => version.doc),
            ],
          });
        if (!answerUnlessWrite(outcome, row.id, decision)) continue;
        seq += 1;
        versions.push({ ...row, seq, existed: locked !== undefined });
        // A later row of this push with the same id is judged against this write, as it would
        // be had it come in the next push.
        stored.set(row.id, { ...row.next, seq });
        writes.set(row.id, { ...row, seq });
        outcome.written.push({ id: row.id, seq });
      }
      // Nothing written: the counter stays as it was, and the lock goes with the transaction.
      if (writes.size === 0) return outcome;

      await client.query('UPDATE seq_counter SET value = $1 WHERE id = 1', [seq]);
      const batch = [...writes.values()];
      await client.query(
        `INSERT INTO documents (collection, id, seq, deleted, data, data_hash, server_time,
           written_by_user, written_by_device)
         SELECT $1, w.id, w.seq, w.deleted, w.data, w.data_hash, $2, $3, $4
         FROM unnest($5::text[], $6::bigint[], $7::boolean[], $8::text[], $9::text[])
           AS w (id, seq, deleted, data, data_hash)
         ON CONFLICT (collection, id) DO UPDATE SET
           seq = excluded.seq, deleted = excluded.deleted, data = excluded.data,
           data_hash = excluded.data_hash, server_time = excluded.server_time,
           written_by_user = excluded.written_by_user,
           written_by_device = excluded.written_by_device`,
        [
          collection,
          serverTime,
          writer.userId,
          writer.deviceId,
          batch.map((w) => w.id),
          batch.map((w) => w.seq),
          batch.map((w) => w.deleted),
          batch.map((w) => w.next.data),
          batch.map((w) => w.next.hash),
        ],
      );
      // The files each record's stored state refers to, in the same transaction (issue 11.5).
      const references = batch.flatMap((w) => blobReferences(w.doc).map((sha256) => ({ id: w.id, sha256 }))); // prettier-ignore
      await client.query(
        'DELETE FROM blob_references WHERE collection = $1 AND document_id = ANY($2::text[])',
        [collection, batch.map((w) => w.id)],
      );
      if (references.length > 0)
        await client.query(
          `INSERT INTO blob_references (collection, document_id, sha256)
           SELECT $1, r.id, r.sha256 FROM unnest($2::text[], $3::text[]) AS r (id, sha256)
           ON CONFLICT DO NOTHING`,
          [collection, references.map((r) => r.id), references.map((r) => r.sha256)],
        );
      await client.query(
        `INSERT INTO document_versions
           (seq, collection, id, data, data_hash, server_time, written_by_user, written_by_device)
         SELECT v.seq, $1, v.id, v.data, v.data_hash, $2, $3, $4
         FROM unnest($5::bigint[], $6::text[], $7::text[], $8::text[]) AS v (seq, id, data, data_hash)`,
        [
          collection,
          serverTime,
          writer.userId,
          writer.deviceId,
          versions.map((v) => v.seq),
          versions.map((v) => v.id),
          versions.map((v) => v.next.data),
          versions.map((v) => v.next.hash),
        ],
      );
      // In the same transaction as the writes: a change is never stored without its event.
      await appendAuditWithinTransaction(
        client,
        versions.map((v) =>
          writeAuditEvent({
            collection,
            id: v.id,
            seq: v.seq,
            existed: v.existed,
            deleted: v.deleted,
            writer,
            serverTime,
          }),
        ),
      );
      return outcome;
    });
  }

  async function blobAccess(sha256: string, userId: string): Promise<BlobAccess> {
    const [referencing, uploaded] = await Promise.all([
      pool.query(
        'SELECT DISTINCT collection FROM blob_references WHERE sha256 = $1 ORDER BY collection',
        [sha256],
      ),
      pool.query('SELECT 1 FROM blob_uploads WHERE sha256 = $1 AND user_id = $2 LIMIT 1', [
        sha256,
        userId,
      ]),
    ]);
    return {
      referencedIn: referencing.rows.map(
        (row: Record<string, unknown>) => text(row, 'collection') as CollectionName,
      ),
      uploadedByUser: (uploaded.rowCount ?? 0) > 0,
    };
  }

  async function recordBlobUpload(sha256: string, userId: string, at: Date): Promise<void> {
    await pool.query(
      `INSERT INTO blob_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [sha256, userId, at],
    );
  }

  async function unreferencedBlobs(uploadedBefore: Date, limit: number): Promise<string[]> {
    const { rows } = await pool.query(
      `SELECT u.sha256 FROM blob_uploads u
       GROUP BY u.sha256
       HAVING MAX(u.uploaded_at) < $1
         AND NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.sha256 = u.sha256)
         AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE strpos(v.data, u.sha256) > 0)
       ORDER BY u.sha256 LIMIT $2`,
      [uploadedBefore, limit],
    );
    return rows.map((row: Record<string, unknown>) => text(row, 'sha256'));
  }

  async function forgetBlobUploads(sha256: string): Promise<void> {
    await pool.query('DELETE FROM blob_uploads WHERE sha256 = $1', [sha256]);
  }

  async function storedIds(
    collection: CollectionName,
    ids: readonly string[],
  ): Promise<Set<string>> {
    const { rows } = await pool.query(
      'SELECT id FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
      [collection, [...ids]],
    );
    return new Set(rows.map((row: Record<string, unknown>) => text(row, 'id')));
  }

  async function currentOfKinds(
    collection: CollectionName,
    kinds: readonly string[],
  ): Promise<WireDocument[]> {
    const { rows } = await pool.query(
      `SELECT data FROM documents WHERE collection = $1 AND (data::jsonb ->> 'kind') = ANY($2::text[])
       ORDER BY id`,
      [collection, [...kinds]],
    );
    return rows.map((row: Record<string, unknown>) => parseDocument(text(row, 'data')));
  }

  async function referencingDocuments(
    sha256: string,
    collection: CollectionName,
  ): Promise<WireDocument[]> {
    const { rows } = await pool.query(
      `SELECT d.data FROM blob_references r
       JOIN documents d ON d.collection = r.collection AND d.id = r.document_id
       WHERE r.sha256 = $1 AND r.collection = $2 ORDER BY d.id`,
      [sha256, collection],
    );
    return rows.map((row: Record<string, unknown>) => parseDocument(text(row, 'data')));
  }

  /** New seqs for stored documents, unchanged, under the seq lock (see WHY NOT A SEQUENCE). */
  async function reannounce(collection: CollectionName, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return await inTransaction(pool, async (client) => {
      const counter = await client.query('SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE');
      const from = integer(counter.rows[0] ?? {}, 'value');
      const { rows } = await client.query(
        `UPDATE documents d SET seq = $3 + m.n
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM documents
               WHERE collection = $1 AND id = ANY($2::text[])) m
         WHERE d.collection = $1 AND d.id = m.id
         RETURNING d.seq`,
        [collection, [...ids], from],
      );
      if (rows.length === 0) return 0;
      const last = from + rows.length;
      await client.query('UPDATE seq_counter SET value = $1 WHERE id = 1', [last]);
      return last;
    });
  }

  async function destroyDocument(
    collection: CollectionName,
    id: string,
    disposition: { writer: DocumentWriter; at: Date; detail: string },
  ): Promise<{ seq: number; files: string[] } | null> {
    return await inTransaction(pool, async (client) => {
      // The seq lock first, as every write takes it (see WHY NOT A SEQUENCE).
      const counter = await client.query('SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE');
      const locked = await lockCurrent(client, collection, [id]);
      const row = locked.get(id);
      if (!row) return null;
      const current = parseDocument(row.data);
      if (isDestroyed(current)) return null;
      const files = filesOfStates([current, ...(await storedVersions(client, collection, id))]);
      const tombstone = canonicalDocument(destroyedTombstone(current, disposition.at));
      const seq = integer(counter.rows[0] ?? {}, 'value') + 1;
      const { writer, at } = disposition;
      await client.query('UPDATE seq_counter SET value = $1 WHERE id = 1', [seq]);
      await client.query(
        `UPDATE documents SET seq = $3, deleted = true, data = $4, data_hash = $5, server_time = $6,
           written_by_user = $7, written_by_device = $8
         WHERE collection = $1 AND id = $2`,
        [collection, id, seq, tombstone.data, tombstone.hash, at, writer.userId, writer.deviceId],
      );
      await client.query('DELETE FROM document_versions WHERE collection = $1 AND id = $2', [collection, id]); // prettier-ignore
      await client.query('DELETE FROM blob_references WHERE collection = $1 AND document_id = $2', [collection, id]); // prettier-ignore
      await appendAuditWithinTransaction(client, [
        destroyAuditEvent({ collection, id, seq, files, writer, at, detail: disposition.detail }),
      ]);
      return { seq, files };
    });
  }

  async function blobInUse(sha256: string): Promise<boolean> {
    const { rowCount } = await pool.query(
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM blob_references WHERE sha256 = $1)
         OR EXISTS (SELECT 1 FROM document_versions WHERE strpos(data, $1) > 0)`,
      [sha256],
    );
    return (rowCount ?? 0) > 0;
  }

  return {
    pull,
    pullJson,
    countAfter,
    storedIds,
    destroyDocument,
    blobInUse,
    currentOfKinds,
    referencingDocuments,
    reannounce,
    push,
    blobAccess,
    recordBlobUpload,
    unreferencedBlobs,
    forgetBlobUploads,
  };
}

type StoredState = { data: string; hash: string; seq: number };

/** The stored state of each id that exists, locked until the transaction ends. */
async function lockCurrent(
  client: PoolClient,
  collection: CollectionName,
  ids: string[],
): Promise<Map<string, StoredState>> {
  const { rows } = await client.query(
    `SELECT id, seq, data, data_hash FROM documents
     WHERE collection = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [collection, ids],
  );
  return new Map(
    rows.map((row: Record<string, unknown>): [string, StoredState] => [
      text(row, 'id'),
      { data: text(row, 'data'), hash: text(row, 'data_hash'), seq: integer(row, 'seq') },
    ]),
  );
}

function parseDocument(data: string): WireDocument {
  return JSON.parse(data) as WireDocument;
}
