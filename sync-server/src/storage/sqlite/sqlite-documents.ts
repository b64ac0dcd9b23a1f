import type { DatabaseSync } from 'node:sqlite';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { AuditEventInput } from '../audit-chain.ts';
import { writeAuditEvent } from '../audit-rows.ts';
import { canonicalDocument } from '../document-hash.ts';
import type {
  DocumentWriter,
  PullPage,
  PullPageJson,
  PushOutcome,
  PushRowInput,
  RowAuthoriser,
} from '../store.ts';
import { integer, text } from './sqlite-row.ts';
import { immediateTransaction } from './sqlite-transaction.ts';

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
    'SELECT data, data_hash FROM documents WHERE collection = ? AND id = ?',
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
      lastSeq: last ? integer(last, 'seq') : sinceSeq,
    };
  }

  function countAfter(collection: CollectionName, sinceSeq: number): number {
    const row = countAfterSeq.get(collection, sinceSeq);
    return row ? integer(row, 'n') : 0;
  }

  function pull(collection: CollectionName, sinceSeq: number, limit: number): PullPage {
    const page = pullJson(collection, sinceSeq, limit);
    return { ...page, documents: page.documents.map((data) => JSON.parse(data) as WireDocument) };
  }

  function push(
    collection: CollectionName,
    rows: PushRowInput[],
    writer: DocumentWriter,
    serverTime: Date,
    authorise?: RowAuthoriser,
  ): PushOutcome {
    return immediateTransaction(db, () => {
      const outcome: PushOutcome = { conflicts: [], written: [], rejected: [] };
      const events: AuditEventInput[] = [];
      for (const row of rows) {
        const next = canonicalDocument(row.next);
        const current = selectCurrent.get(collection, row.next.id);
        const currentDoc =
          current && authorise ? (JSON.parse(text(current, 'data')) as WireDocument) : null;
        // May this user touch the stored record at all? Judged before anything is answered
        // about it (a conflict answer carries the stored state).
        const untouchable = currentDoc && authorise?.(currentDoc, currentDoc);
        if (untouchable) {
          outcome.rejected.push({ id: row.next.id, ...untouchable });
          continue;
        }
        if (current) {
          const currentHash = text(current, 'data_hash');
          // A retried push whose first attempt was stored: success, and no new seq, so devices
          // that already pulled it are not sent it again.
          if (next.hash === currentHash) continue;
          // A state this record already had and has since left (a retry whose answer got lost
          // and that later writes overtook, a late duplicate, or a stale copy a device pushed by
          // mistake): the server never moves a record back. The answer carries the current
          // state, marked as superseding the pushed one, so the device merges with the pushed
          // state as base (ADR 7). Never "done" plus a fresh announcement: a device that pulls
          // the announcement before the answer arrives sets it aside and then takes its own
          // older state for the server's, past its checkpoint (issue 10, point 1).
          if (hadState.get(collection, row.next.id, next.hash)) {
            outcome.conflicts.push(JSON.parse(text(current, 'data')) as WireDocument);
            (outcome.superseded ??= []).push(row.next.id);
            continue;
          }
          // The device changed a state other than the one stored: the stored one wins for now
          // and goes back to the device to merge.
          const assumedHash = row.assumed ? canonicalDocument(row.assumed).hash : null;
          if (assumedHash !== currentHash) {
            outcome.conflicts.push(JSON.parse(text(current, 'data')) as WireDocument);
            continue;
          }
        }
        // The write itself, judged against the state it replaces — only now, because a stale or
        // conflicting copy rightly carries stamps of an earlier state, and it is not stored.
        // Refused against the stored state: judged once more with the states before it (author
        // stamps a merge carries may come from those). A new record has no earlier states.
        let refusal = authorise?.(currentDoc, row.next) ?? null;
        if (refusal && authorise && currentDoc)
          refusal = authorise(
            currentDoc,
            row.next,
            selectVersions
              .all(collection, row.next.id)
              .map((version) => JSON.parse(text(version, 'data')) as WireDocument),
          );
        if (refusal) {
          outcome.rejected.push({ id: row.next.id, ...refusal });
          continue;
        }
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
            existed: current !== undefined,
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

  return { pull, pullJson, countAfter, push };
}
