import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { validateWireDocument, type CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import {
  PUSH_ROWS_MAX,
  type RowRejection,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';
import type { PushRowInput } from '../storage/store.ts';

export type PushRequestError = { code: 'invalid-request' | 'payload-too-large'; message: string };

/**
 * Splits a pushed body into rows to store and rows refused. A bad envelope refuses the whole
 * request; a bad row is refused on its own and never holds back the valid rows beside it.
 */
export function parsePushRequest(
  collection: CollectionName,
  body: unknown,
): Result<{ rows: PushRowInput[]; rejected: RowRejection[] }, PushRequestError> {
  if (!isPlainObject(body) || !Array.isArray(body.rows))
    return fail({ code: 'invalid-request', message: 'Send { "rows": [...] }' });
  if (body.rows.length > PUSH_ROWS_MAX)
    return fail({
      code: 'payload-too-large',
      message: `Send at most ${PUSH_ROWS_MAX} rows per request`,
    });

  const rows: PushRowInput[] = [];
  const rejected: RowRejection[] = [];
  for (const raw of body.rows as unknown[]) {
    const row = parseRow(collection, raw);
    if (row.ok) rows.push(row.value);
    else rejected.push(row.error);
  }
  return ok({ rows, rejected });
}

function parseRow(collection: CollectionName, raw: unknown): Result<PushRowInput, RowRejection> {
  if (!isPlainObject(raw))
    return fail({ id: '', code: 'invalid-document', message: 'A row must be an object' });
  const id = isPlainObject(raw.newDocumentState) ? raw.newDocumentState.id : undefined;
  const rowId = typeof id === 'string' ? id : '';

  const validated = validateWireDocument(collection, raw.newDocumentState);
  // A withdrawal (a record out of the person's scope, ADR 15) is not a valid record, but a device
  // may push back one it was sent: it is done if it is exactly that, and refused as invalid if not.
  const next: Result<WireDocument, Omit<RowRejection, 'id'>> = !validated.ok &&
  isWithdrawalShaped(raw.newDocumentState)
    ? ok(raw.newDocumentState)
    : validated;
  if (!next.ok) return fail({ id: rowId, ...next.error });
  const unlessSent = validated.ok ? {} : { unlessSent: validated.error };

  const assumed = raw.assumedMasterState;
  if (assumed === undefined || assumed === null)
    return ok({ assumed: null, next: next.value, ...unlessSent });
  // The assumed state is only compared with the stored one, never stored, so it need not match
  // today's schema; it must be a document about the same patient.
  if (!isPlainObject(assumed) || typeof assumed._deleted !== 'boolean')
    return fail({
      id: rowId,
      code: 'invalid-document',
      message: 'The assumed server state must be a document',
    });
  if (assumed.id !== next.value.id)
    return fail({
      id: rowId,
      code: 'id-mismatch',
      message: 'The assumed server state is of a different document',
    });
  return ok({ assumed: assumed as WireDocument, next: next.value, ...unlessSent });
}

const WITHDRAWAL_KEYS = new Set(['id', 'kind', '_deleted', 'createdAt', 'updatedAt']);

/** Shaped as what the server sends in place of a record out of scope (`withdrawal`). */
function isWithdrawalShaped(doc: unknown): doc is WireDocument {
  return (
    isPlainObject(doc) &&
    doc._deleted === true &&
    typeof doc.id === 'string' &&
    Object.keys(doc).every((key) => WITHDRAWAL_KEYS.has(key))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
