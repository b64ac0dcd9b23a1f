import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { firstValueFrom } from 'rxjs';
import { nowIso } from '../../clock.ts';
import { type DocumentOf, editDocument, observeFind } from '../../db/documents.svelte.ts';
import { newId } from '../../session/device.ts';
import type { Workspace } from '../../workspace.ts';

/**
 * How retention rules and legal holds are made and changed on this device: checked against
 * the kind's schema (the one the server checks every push with) and the permission table
 * before anything is stored, and changed on the latest stored state, so that a sync landing
 * meanwhile is kept. Nothing waits for the network; the change syncs when it can.
 */
export type RetentionKind = 'retentionRule' | 'legalHold';

export type RetentionError = {
  code: 'invalid' | 'not-allowed' | 'not-on-device' | 'deleted' | 'already-released';
  message: string;
  /** The field the message is about, for the form to show it there. */
  field?: string | undefined;
};

/** What the actions need of the signed-in workspace: who, on which device, its records. */
export type RetentionWorkspace = Pick<Workspace, 'user' | 'deviceId' | 'db'>;

function check<K extends RetentionKind>(
  kind: K,
  record: DocumentOf<K>,
): Result<true, RetentionError> {
  // RxDB's bookkeeping (`_rev`, `_meta`, `_attachments`) rides along in the state a change is
  // applied to; the server never sees it, so neither does the check.
  const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
  const parsed = KIND_SCHEMAS[kind].safeParse(fields);
  if (parsed.success) return ok(true);
  const issue = parsed.error.issues[0];
  return fail({
    code: 'invalid',
    message: issue?.message ?? 'Not saved',
    field: typeof issue?.path[0] === 'string' ? issue.path[0] : undefined,
  });
}

function allowed(workspace: RetentionWorkspace, kind: RetentionKind): Result<true, RetentionError> {
  return canWriteKind(workspace.user.role, kind)
    ? ok(true)
    : fail({ code: 'not-allowed', message: 'Only the office manager can change this' });
}

/** A new record's id and times. */
export function newRecordBase(): { id: string; createdAt: string; updatedAt: string } {
  const at = nowIso();
  return { id: newId(), createdAt: at, updatedAt: at };
}

/** Who did it, from which device, and when: a placed or released stamp. */
export function stampNow(workspace: RetentionWorkspace): { at: string; by: Editor } {
  const { user, deviceId } = workspace;
  return { at: nowIso(), by: { userId: user.id, name: user.displayName, deviceId } };
}

/** Stores new records once every one is valid and allowed. */
export async function createRecords<K extends RetentionKind>(
  workspace: RetentionWorkspace,
  kind: K,
  records: readonly DocumentOf<K>[],
): Promise<Result<DocumentOf<K>[], RetentionError>> {
  const permitted = allowed(workspace, kind);
  if (!permitted.ok) return permitted;
  for (const record of records) {
    const valid = check(kind, record);
    if (!valid.ok) return valid;
  }
  const stored: DocumentOf<RetentionKind>[] = [...records];
  await workspace.db.filing.bulkInsert(stored);
  return ok([...records]);
}

/** Changes one record from its latest stored state; a change that changes nothing writes nothing. */
export async function changeRecord<K extends RetentionKind>(
  workspace: RetentionWorkspace,
  kind: K,
  id: string,
  edit: (current: DocumentOf<K>) => Result<DocumentOf<K>, RetentionError>,
): Promise<Result<DocumentOf<K>, RetentionError>> {
  const permitted = allowed(workspace, kind);
  if (!permitted.ok) return permitted;
  const outcome = await editDocument<K, RetentionError>(workspace, kind, id, (current) => {
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

/** The records of a kind on this device now. */
export function currentRecords<K extends RetentionKind>(
  workspace: RetentionWorkspace,
  kind: K,
): Promise<DocumentOf<K>[]> {
  return firstValueFrom(observeFind(workspace, kind, { selector: {} }));
}

/** A copy without one field (a removed citation, a category no longer limited to). */
export function without<T extends object, F extends keyof T>(record: T, field: F): T {
  const copy = { ...record };
  delete copy[field];
  return copy;
}
