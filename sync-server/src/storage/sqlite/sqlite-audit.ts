import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type { AuditEntry } from '@clinicdesk/shared/audit/audit-event.ts';
import {
  linkAuditEntries,
  storableAuditText,
  type AuditChainHead,
  type AuditEventInput,
} from '../audit-chain.ts';
import { AUDIT_COLUMNS, auditReportFilter, auditRowValues, toAuditEntry } from '../audit-rows.ts';
import type { AuditQuery } from '../store.ts';
import { integer, optionalText, text } from './sqlite-row.ts';
import { immediateTransaction } from './sqlite-transaction.ts';

type Row = Record<string, SQLOutputValue>;

/** The audit chain on one SQLite connection. */
export function createSqliteAudit(db: DatabaseSync) {
  const selectHead = db.prepare('SELECT position, hash FROM audit_chain_head WHERE id = 1');
  const updateHead = db.prepare('UPDATE audit_chain_head SET position = ?, hash = ? WHERE id = 1');
  const known = db.prepare('SELECT 1 AS yes FROM audit_events WHERE event_id = ?');
  const insert = db.prepare(
    `INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
     VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`,
  );
  const selectChain = db.prepare(
    'SELECT * FROM audit_events WHERE position > ? ORDER BY position LIMIT ?',
  );

  function head(): AuditChainHead {
    const row = selectHead.get() ?? {};
    return { position: integer(row, 'position'), hash: text(row, 'hash') };
  }

  /** Appends inside a transaction the caller holds (BEGIN IMMEDIATE: the write lock is ours). */
  function appendWithinTransaction(inputs: AuditEventInput[]): number {
    // As stored, so a retry is recognised by the event id the row holds.
    const events = inputs.map(storableAuditText);
    const seen = new Set<string>();
    const fresh = events.filter((event) => {
      if (seen.has(event.eventId) || known.get(event.eventId)) return false;
      seen.add(event.eventId);
      return true;
    });
    if (fresh.length === 0) return 0;
    const entries = linkAuditEntries(head(), fresh);
    for (const entry of entries) insert.run(...auditRowValues(entry));
    const last = entries.at(-1)!;
    updateHead.run(last.position, last.hash);
    return entries.length;
  }

  function report(query: AuditQuery): { entries: AuditEntry[]; total: number } {
    const { where, params } = auditReportFilter(query, () => '?');
    const total = integer(
      db.prepare(`SELECT count(*) AS n FROM audit_events ${where}`).get(...params) ?? {},
      'n',
    );
    const rows = db
      .prepare(`SELECT * FROM audit_events ${where} ORDER BY position DESC LIMIT ? OFFSET ?`)
      .all(...params, query.pageSize, (query.page - 1) * query.pageSize);
    return { entries: rows.map(toEntry), total };
  }

  return {
    appendWithinTransaction,
    append: (events: AuditEventInput[]) => ({
      recorded: immediateTransaction(db, () => appendWithinTransaction(events)),
    }),
    report,
    readChain: (afterPosition: number, limit: number) =>
      selectChain.all(afterPosition, limit).map(toEntry),
    head,
  };
}

function toEntry(row: Row): AuditEntry {
  return toAuditEntry({
    text: (column) => text(row, column),
    optionalText: (column) => optionalText(row, column),
    integer: (column) => integer(row, column),
  });
}
