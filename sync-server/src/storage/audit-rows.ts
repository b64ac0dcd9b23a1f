import type { AuditAction, AuditEntry } from '@clinicdesk/shared/audit/audit-event.ts';
import type { AuditEventInput } from './audit-chain.ts';
import type { AuditQuery, DocumentWriter } from './store.ts';

/** The columns of `audit_events`, in insert order (both stores). */
export const AUDIT_COLUMNS = [
  'position',
  'event_id',
  'action',
  'user_id',
  'username',
  'device_id',
  'device_time',
  'server_time',
  'collection',
  'record_id',
  'detail',
  'prev_hash',
  'hash',
] as const;

export function auditRowValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.position,
    entry.eventId,
    entry.action,
    entry.userId,
    entry.username,
    entry.deviceId,
    entry.deviceTime,
    entry.serverTime,
    entry.collection,
    entry.recordId,
    entry.detail,
    entry.prevHash,
    entry.hash,
  ];
}

type Read = {
  text(column: string): string;
  optionalText(column: string): string | null;
  integer(column: string): number;
};

/** An `audit_events` row back as an entry, exactly as stored (the verifier must see tampering). */
export function toAuditEntry(read: Read): AuditEntry {
  return {
    position: read.integer('position'),
    eventId: read.text('event_id'),
    action: read.text('action') as AuditAction,
    userId: read.optionalText('user_id'),
    username: read.optionalText('username'),
    deviceId: read.optionalText('device_id'),
    deviceTime: read.optionalText('device_time'),
    serverTime: read.text('server_time'),
    collection: read.optionalText('collection'),
    recordId: read.optionalText('record_id'),
    detail: read.optionalText('detail'),
    prevHash: read.text('prev_hash'),
    hash: read.text('hash'),
  };
}

/**
 * The audit event of a document write the server accepted. Its id is derived from the write's
 * seq, which is unique, so it can never be recorded twice.
 */
export function writeAuditEvent(input: {
  collection: string;
  id: string;
  seq: number;
  existed: boolean;
  deleted: boolean;
  writer: DocumentWriter;
  serverTime: Date;
}): AuditEventInput {
  const action: AuditAction = !input.existed ? 'create' : input.deleted ? 'delete' : 'change';
  return {
    eventId: `${input.collection}:${input.seq}`,
    action,
    userId: input.writer.userId,
    username: input.writer.username ?? null,
    deviceId: input.writer.deviceId,
    deviceTime: null,
    serverTime: input.serverTime,
    collection: input.collection,
    recordId: input.id,
    detail: null,
  };
}

/**
 * The WHERE clause and parameters of an audit report query, with `?` or `$n` placeholders.
 */
export function auditReportFilter(
  query: AuditQuery,
  placeholder: (n: number) => string,
): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number) => {
    params.push(value);
    clauses.push(clause.replace('?', placeholder(params.length)));
  };
  if (query.userId !== undefined) add('user_id = ?', query.userId);
  if (query.username !== undefined) add('lower(username) = lower(?)', query.username);
  if (query.recordId !== undefined) add('record_id = ?', query.recordId);
  if (query.upToPosition !== undefined) add('position <= ?', query.upToPosition);
  // ISO 8601 UTC text sorts as time does.
  if (query.from !== undefined) add('server_time >= ?', query.from.toISOString());
  if (query.to !== undefined) add('server_time <= ?', query.to.toISOString());
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
