import type { DatabaseSync } from 'node:sqlite';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { AuditEventInput } from '../audit-chain.ts';
import { writeAuditEvent } from '../audit-rows.ts';
import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
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
import { integer, text } from './sqlite-row.ts';
import { immediateTransaction } from './sqlite-transaction.ts';
import {
  answerUnlessWrite,
  decideWrite,
  needsHistory,
  type SentAs,
  sentStateHash,
  type StoredState,
} from '../write-rule.ts';

/** Pull and push of replicated documents on one SQLite connection. */
export function createSqliteDocuments(
  db: DatabaseSync,
  audit: { appendWithinTransaction(events: AuditEventInput[]): number },
) {
  const selectPage = db.prepare(
    'SELECT seq, data FROM documents WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const countAfterSeq = db.prepare(
    'SELECT COUNT(*) AS n FROM documents WHERE collection = ? AND seq > ?',
  );
  const selectCurrent = db.prepare(
    'SELECT seq, data, data_hash FROM documents WHERE collection = ? AND id = ?',
  );
  const hadState = db.prepare(
    'SELECT 1 AS yes FROM document_versions WHERE collection = ? AND id = ? AND data_hash = ? LIMIT 1',
  );
  const selectVersions = db.prepare(
    'SELECT data FROM document_versions WHERE collection = ? AND id = ? ORDER BY seq',
  );
  const insertVersion = db.prepare(`
    INSERT INTO document_versions
      (seq, collection, id, data, data_hash, server_time, written_by_user, written_by_device)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const deleteReferences = db.prepare(
    'DELETE FROM blob_references WHERE collection = ? AND document_id = ?',
  );
  const insertReference = db.prepare(
    'INSERT OR IGNORE INTO blob_references (collection, document_id, sha256) VALUES (?, ?, ?)',
  );
  const selectReferencing = db.prepare(
    'SELECT DISTINCT collection FROM blob_references WHERE sha256 = ? ORDER BY collection',
  );
  const selectUpload = db.prepare(
    'SELECT 1 AS yes FROM blob_uploads WHERE sha256 = ? AND user_id = ? LIMIT 1',
  );
  const insertUpload = db.prepare(
    'INSERT OR IGNORE INTO blob_uploads (sha256, user_id, uploaded_at) VALUES (?, ?, ?)',
  );
  const selectUnreferenced = db.prepare(`
    SELECT u.sha256 FROM blob_uploads u
    GROUP BY u.sha256
    HAVING MAX(u.uploaded_at) < ?
      AND NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.sha256 = u.sha256)
      AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE instr(v.data, u.sha256) > 0)
    ORDER BY u.sha256 LIMIT ?`);
  const deleteUploads = db.prepare('DELETE FROM blob_uploads WHERE sha256 = ?');
  const selectStoredIds = db.prepare(
    'SELECT id FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const selectOfKinds = db.prepare(`
    SELECT data FROM documents WHERE collection = ?
      AND json_extract(data, '$.kind') IN (SELECT value FROM json_each(?)) ORDER BY id`);
  const selectReferencingDocuments = db.prepare(`
    SELECT d.data FROM blob_references r
    JOIN documents d ON d.collection = r.collection AND d.id = r.document_id
    WHERE r.sha256 = ? AND r.collection = ? ORDER BY d.id`);
  const moveSeq = db.prepare('UPDATE documents SET seq = ? WHERE collection = ? AND id = ?');
  const deleteVersions = db.prepare(
    'DELETE FROM document_versions WHERE collection = ? AND id = ?',
  );
  const selectFileUse = db.prepare(`
    SELECT 1 AS yes WHERE EXISTS (SELECT 1 FROM blob_references WHERE sha256 = ?1)
      OR EXISTS (SELECT 1 FROM document_versions WHERE instr(data, ?1) > 0)`);
  const takeSeq = db.prepare(
    'UPDATE seq_counter SET value = value + 1 WHERE id = 1 RETURNING value',
  );
  const upsert = db.prepare(`
    INSERT INTO documents
      (collection, id, seq, deleted, data, data_hash, server_time, written_by_user, written_by_device)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (collection, id) DO UPDATE SET
      seq = excluded.seq, deleted = excluded.deleted, data = excluded.data,
      data_hash = excluded.data_hash, server_time = excluded.server_time,
      written_by_user = excluded.written_by_user, written_by_device = excluded.written_by_device`);

  function pullJson(collection: CollectionName, sinceSeq: number, limit: number): PullPageJson {
    const rows = selectPage.all(collection, sinceSeq, limit);
    const last = rows.at(-1);
    return {
      documents: rows.map((row) => text(row, 'data')),
      seqs: rows.map((row) => integer(row, 'seq')),
      lastSeq: last ? integer(last, 'seq') : sinceSeq,
    };
  }

  function countAfter(collection: CollectionName, sinceSeq: number): number {
    const row = countAfterSeq.get(collection, sinceSeq);
    return row ? integer(row, 'n') : 0;
  }

  function pull(collection: CollectionName, sinceSeq: number, limit: number): PullPage {
    const { documents, lastSeq } = pullJson(collection, sinceSeq, limit);
    return { documents: documents.map((data) => JSON.parse(data) as WireDocument), lastSeq };
  }

  function push(
    collection: CollectionName,
    rows: PushRowInput[],
    writer: DocumentWriter,
    serverTime: Date,
    authorise?: RowAuthoriser,
    sentAs?: SentAs,
  ): PushOutcome {
    return immediateTransaction(db, () => {
      const outcome: PushOutcome = { conflicts: [], written: [], rejected: [] };
      const events: AuditEventInput[] = [];
      for (const row of rows) {
        const next = canonicalDocument(row.next);
        const stored = selectCurrent.get(collection, row.next.id);
        const current: StoredState | null = stored
          ? { doc: JSON.parse(text(stored, 'data')) as WireDocument, hash: text(stored, 'data_hash'), seq: integer(stored, 'seq') } // prettier-ignore
          : null;
        const facts = {
          next: row.next,
          nextHash: next.hash,
          assumedHash: row.assumed ? canonicalDocument(row.assumed).hash : null,
          current,
          authorise,
          sentHash: sentStateHash(current, sentAs),
          unlessSent: row.unlessSent,
        };
        const hadNextState =
          needsHistory(facts) && hadState.get(collection, row.next.id, next.hash) !== undefined;
        let decision = decideWrite({ ...facts, hadNextState });
        if (decision.kind === 'judge-with-earlier')
          decision = decideWrite({
            ...facts,
            hadNextState,
            earlier: selectVersions
              .all(collection, row.next.id)
              .map((version) => JSON.parse(text(version, 'data')) as WireDocument),
          });
        if (!answerUnlessWrite(outcome, row.next.id, decision)) continue;
        // The seq is taken inside this transaction, so a later commit always has a higher seq.
        const seq = integer(takeSeq.get() ?? {}, 'value');
        upsert.run(
          collection,
          row.next.id,
          seq,
          row.next._deleted ? 1 : 0,
          next.data,
          next.hash,
          serverTime.toISOString(),
          writer.userId,
          writer.deviceId,
        );
        // The files this state refers to, with it in the same transaction (issue 11, point 5).
        deleteReferences.run(collection, row.next.id);
        for (const sha256 of blobReferences(row.next))
          insertReference.run(collection, row.next.id, sha256);
        insertVersion.run(
          seq,
          collection,
          row.next.id,
          next.data,
          next.hash,
          serverTime.toISOString(),
          writer.userId,
          writer.deviceId,
        );
        outcome.written.push({ id: row.next.id, seq });
        events.push(
          writeAuditEvent({
            collection,
            id: row.next.id,
            seq,
            existed: current !== null,
            deleted: row.next._deleted,
            writer,
            serverTime,
          }),
        );
      }
      // In the same transaction as the writes: a change is never stored without its event.
      audit.appendWithinTransaction(events);
      return outcome;
    });
  }

  function blobAccess(sha256: string, userId: string): BlobAccess {
    return {
      referencedIn: selectReferencing
        .all(sha256)
        .map((row) => text(row, 'collection') as CollectionName),
      uploadedByUser: selectUpload.get(sha256, userId) !== undefined,
    };
  }

  function recordBlobUpload(sha256: string, userId: string, at: Date): void {
    insertUpload.run(sha256, userId, at.toISOString());
  }

  const unreferencedBlobs = (uploadedBefore: Date, limit: number): string[] =>
    selectUnreferenced.all(uploadedBefore.toISOString(), limit).map((row) => text(row, 'sha256'));
  const forgetBlobUploads = (sha256: string): void => void deleteUploads.run(sha256);

  const currentOfKinds = (collection: CollectionName, kinds: readonly string[]): WireDocument[] =>
    selectOfKinds
      .all(collection, JSON.stringify(kinds))
      .map((row) => JSON.parse(text(row, 'data')) as WireDocument);

  const referencingDocuments = (sha256: string, collection: CollectionName): WireDocument[] =>
    selectReferencingDocuments
      .all(sha256, collection)
      .map((row) => JSON.parse(text(row, 'data')) as WireDocument);

  /** New seqs for stored documents, unchanged: in one transaction, so in commit order. */
  function reannounce(collection: CollectionName, ids: readonly string[]): number {
    if (ids.length === 0) return 0;
    return immediateTransaction(db, () => {
      let last = 0;
      for (const id of selectStoredIds
        .all(collection, JSON.stringify(ids))
        .map((row) => text(row, 'id'))) {
        last = integer(takeSeq.get() ?? {}, 'value');
        moveSeq.run(last, collection, id);
      }
      return last;
    });
  }

  function destroyDocument(
    collection: CollectionName,
    id: string,
    disposition: { writer: DocumentWriter; at: Date; detail: string },
  ): { seq: number; files: string[] } | null {
    return immediateTransaction(db, () => {
      const stored = selectCurrent.get(collection, id);
      if (!stored) return null;
      const current = JSON.parse(text(stored, 'data')) as WireDocument;
      if (isDestroyed(current)) return null;
      const states = selectVersions
        .all(collection, id)
        .map((version) => JSON.parse(text(version, 'data')) as WireDocument);
      const files = filesOfStates([current, ...states]);
      const tombstone = canonicalDocument(destroyedTombstone(current, disposition.at));
      const seq = integer(takeSeq.get() ?? {}, 'value');
      const { writer, at } = disposition;
      upsert.run(collection, id, seq, 1, tombstone.data, tombstone.hash, at.toISOString(), writer.userId, writer.deviceId); // prettier-ignore
      deleteVersions.run(collection, id);
      deleteReferences.run(collection, id);
      audit.appendWithinTransaction([
        destroyAuditEvent({ collection, id, seq, files, writer, at, detail: disposition.detail }),
      ]);
      return { seq, files };
    });
  }

  const blobInUse = (sha256: string): boolean => selectFileUse.get(sha256) !== undefined;

  const storedIds = (collection: CollectionName, ids: readonly string[]): Set<string> =>
    new Set(selectStoredIds.all(collection, JSON.stringify(ids)).map((row) => text(row, 'id')));

  return {
    pull,
    pullJson,
    countAfter,
    storedIds,
    currentOfKinds,
    referencingDocuments,
    reannounce,
    destroyDocument,
    blobInUse,
    push,
    blobAccess,
    recordBlobUpload,
    unreferencedBlobs,
    forgetBlobUploads,
  };
}
