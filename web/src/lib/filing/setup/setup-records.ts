import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import type { KindDocuments } from '@clinicdesk/shared/registry/partitions.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { firstValueFrom } from 'rxjs';
import { nowIso } from '../../clock.ts';
import { type DocumentOf, editDocument, observeFind } from '../../db/documents.svelte.ts';
import { newId } from '../../session/device.ts';
import type { Workspace } from '../../workspace.ts';

/**
 * How the filing setup's actions make and change records: checked against the kind's schema
 * (the one the server checks every push with) and the permission table before anything is
 * stored, stamped with the time (the database stamps who), and changed on the latest stored
 * state, so that a sync landing meanwhile is kept.
 */
export type SetupKind =
  | 'category'
  | 'documentType'
  | 'customField'
  | 'tag'
  | 'correspondent'
  | 'filedDocument'
  | 'filingSettings';

export type SetupError = {
  code:
    | 'invalid'
    | 'not-allowed'
    | 'not-on-device'
    | 'deleted'
    | 'move-under-itself'
    | 'move-under-descendant'
    | 'name-taken';
  message: string;
};

/** What the setup's actions need of the signed-in workspace: who, on which device, its records. */
export type SetupWorkspace = Pick<Workspace, 'user' | 'deviceId' | 'db'>;

const NOT_ALLOWED = 'Only the office manager can change this';

/** The first thing wrong with a record, in the schema's words ("Enter the name"). */
function check<K extends SetupKind>(kind: K, record: DocumentOf<K>): Result<true, SetupError> {
  // RxDB's bookkeeping (`_rev`, `_meta`, `_attachments`) rides along in the state a change is
  // applied to; the server never sees it, so neither does the check.
  const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
  const parsed = KIND_SCHEMAS[kind].safeParse(fields);
  if (parsed.success) return ok(true);
  return fail({ code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Not saved' });
}

function allowed(workspace: SetupWorkspace, kind: SetupKind): Result<true, SetupError> {
  return canWriteKind(workspace.user.role, kind)
    ? ok(true)
    : fail({ code: 'not-allowed', message: NOT_ALLOWED });
}

/** The base fields of a new record: a fresh UUIDv7 and the device's time. */
export function newRecordBase(): { id: string; createdAt: string; updatedAt: string } {
  const at = nowIso();
  return { id: newId(), createdAt: at, updatedAt: at };
}

/** Stores new records of the filing partition, once every one is valid and allowed. */
export async function createRecords<K extends SetupKind>(
  workspace: SetupWorkspace,
  kind: K,
  records: readonly DocumentOf<K>[],
): Promise<Result<DocumentOf<K>[], SetupError>> {
  const permitted = allowed(workspace, kind);
  if (!permitted.ok) return permitted;
  for (const record of records) {
    const valid = check(kind, record);
    if (!valid.ok) return valid;
  }
  const stored: KindDocuments[SetupKind][] = [...records];
  await workspace.db.filing.bulkInsert(stored);
  return ok([...records]);
}

/**
 * Changes one record: `edit` answers its next state from the latest stored one (or refuses).
 * A change that leaves it as it was writes nothing.
 */
export async function changeRecord<K extends SetupKind>(
  workspace: SetupWorkspace,
  kind: K,
  id: string,
  edit: (current: DocumentOf<K>) => Result<DocumentOf<K>, SetupError>,
): Promise<Result<DocumentOf<K>, SetupError>> {
  const permitted = allowed(workspace, kind);
  if (!permitted.ok) return permitted;
  const outcome = await editDocument<K, SetupError>(workspace, kind, id, (current) => {
    const next = edit(current);
    if (!next.ok || sameDocumentState(next.value, current)) return next;
    const stamped = { ...next.value, updatedAt: nowIso() };
    const valid = check(kind, stamped);
    return valid.ok ? ok(stamped) : valid;
  });
  if (outcome.ok) return outcome;
  const { error } = outcome;
  if (error.code === 'not-on-device')
    return fail({ code: 'not-on-device', message: 'This record is not on this device' });
  if (error.code === 'deleted')
    return fail({ code: 'deleted', message: 'This record was removed on another device' });
  return fail(error);
}

/** The records of a kind on this device now (for a rule that looks at their neighbours). */
export function currentRecords<K extends SetupKind>(
  workspace: SetupWorkspace,
  kind: K,
): Promise<DocumentOf<K>[]> {
  return firstValueFrom(observeFind(workspace, kind, { selector: {} }));
}

/** A copy without one field (a removed restriction, a removed matching rule). */
export function without<T extends object, F extends keyof T>(record: T, field: F): T {
  const copy = { ...record };
  delete copy[field];
  return copy;
}

/** One name for a concept: trimmed and in one Unicode spelling, however it was typed. */
export function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').normalize('NFC');
}
