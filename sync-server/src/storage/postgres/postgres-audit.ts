import type { Pool, PoolClient } from 'pg';
import type { AuditEntry } from '@clinicdesk/shared/audit/audit-event.ts';
import {
  linkAuditEntries,
  storableAuditText,
  type AuditChainHead,
  type AuditEventInput,
} from '../audit-chain.ts';
import { AUDIT_COLUMNS, auditReportFilter, auditRowValues, toAuditEntry } from '../audit-rows.ts';
import type { AuditQuery } from '../store.ts';
import { integer, optionalText, text } from './postgres-row.ts';
import { inTransaction } from './postgres-transaction.ts';

/**
 * Appends inside the caller's transaction. The head row is locked FIRST (`FOR UPDATE`) and held
 * until commit, so appends from any connection or server instance take positions one after
 * another, each linking to the committed end of the chain. Inside a push this runs after the
 * seq_counter and document locks; nothing takes those after the head, so no deadlock.
 */
export async function appendAuditWithinTransaction(
  client: PoolClient,
  inputs: AuditEventInput[],
): Promise<number> {
  if (inputs.length === 0) return 0;
  // As stored, from the first query on: PostgreSQL fails on a NUL in any parameter.
  const events = inputs.map(storableAuditText);
  const headRow = await client.query(
    'SELECT position, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );
  const head: AuditChainHead = {
    position: integer(headRow.rows[0] ?? {}, 'position'),
    hash: text(headRow.rows[0] ?? {}, 'hash'),
  };
  // Checked under the head lock: a retry racing its first attempt sees the committed first one.
  const { rows } = await client.query(
    'SELECT event_id FROM audit_events WHERE event_id = ANY($1::text[])',
    [events.map((event) => event.eventId)],
  );
  const seen = new Set(rows.map((row: Record<string, unknown>) => text(row, 'event_id')));
  const fresh = events.filter((event) => {
    if (seen.has(event.eventId)) return false;
    seen.add(event.eventId);
    return true;
  });
  if (fresh.length === 0) return 0;
  const entries = linkAuditEntries(head, fresh);
  const values = entries.map(auditRowValues);
  const types = ['bigint', ...Array<string>(AUDIT_COLUMNS.length - 1).fill('text')];
  await client.query(
    `INSERT INTO audit_events (${AUDIT_COLUMNS.join(', ')})
     SELECT * FROM unnest(${types.map((type, n) => `$${n + 1}::${type}[]`).join(', ')})`,
    AUDIT_COLUMNS.map((_, column) => values.map((row) => row[column])),
  );
  const last = entries.at(-1)!;
  await client.query('UPDATE audit_chain_head SET position = $1, hash = $2 WHERE id = 1', [
    last.position,
    last.hash,
  ]);
  return entries.length;
}

export function createPostgresAudit(pool: Pool) {
  return {
    async appendAuditEvents(events: AuditEventInput[]) {
      if (events.length === 0) return { recorded: 0 };
      const recorded = await inTransaction(pool, (client) =>
        appendAuditWithinTransaction(client, events),
      );
      return { recorded };
    },

    async auditReport(query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
      const { where, params } = auditReportFilter(query, (n) => `$${n}`);
      const count = await pool.query(`SELECT count(*) AS n FROM audit_events ${where}`, params);
      const page = await pool.query(
        `SELECT * FROM audit_events ${where} ORDER BY position DESC
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
      return { entries: page.rows.map(toEntry), total: integer(count.rows[0] ?? {}, 'n') };
    },

    async readAuditChain(afterPosition: number, limit: number): Promise<AuditEntry[]> {
      const { rows } = await pool.query(
        'SELECT * FROM audit_events WHERE position > $1 ORDER BY position LIMIT $2',
        [afterPosition, limit],
      );
      return rows.map(toEntry);
    },

    async auditChainHead(): Promise<AuditChainHead> {
      const { rows } = await pool.query('SELECT position, hash FROM audit_chain_head WHERE id = 1');
      return { position: integer(rows[0] ?? {}, 'position'), hash: text(rows[0] ?? {}, 'hash') };
    },
  };
}

function toEntry(row: Record<string, unknown>): AuditEntry {
  return toAuditEntry({
    text: (column) => text(row, column),
    optionalText: (column) => optionalText(row, column),
    integer: (column) => integer(row, column),
  });
}
