import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { DoneStamp } from '@clinicdesk/shared/disclosures/release-fields.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { nowIso } from '../clock.ts';
import { type DocumentOf, editDocument } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * How release requests, disclosures and the letterhead are made and changed on this device:
 * checked against the kind's schema (the one the server checks every push with) and the
 * permission table before anything is stored, and changed on the latest stored state, so that
 * a sync landing meanwhile is kept. Nothing waits for the network; the change syncs when it can.
 */
export type ReleaseKind = 'releaseRequest' | 'disclosure' | 'releaseLetterhead';

export type ReleaseRecordError = {
  code: 'invalid' | 'not-allowed' | 'not-on-device' | 'deleted';
  message: string;
  field?: string | undefined;
};

/** What the actions need of the signed-in workspace: who, on which device, its records. */
export type ReleaseWorkspace = Pick<Workspace, 'user' | 'deviceId' | 'db'>;

export function check<K extends ReleaseKind>(
  kind: K,
  record: DocumentOf<K>,
): Result<true, ReleaseRecordError> {
  // RxDB's bookkeeping (`_rev`, `_meta`, `_attachments`) rides along in a stored state; the
  // server never sees it, so neither does the check.
  const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_')));
  const parsed = KIND_SCHEMAS[kind].safeParse(fields);
  if (parsed.success) return ok(true);
  const issue = parsed.error.issues[0];
  return fail({
    code: 'invalid',
    message: issue?.message ?? 'Not saved',
    field: issue?.path.map(String).join('.'),
  });
}

function allowed(workspace: ReleaseWorkspace, kind: ReleaseKind): Result<true, ReleaseRecordError> {
  if (canWriteKind(workspace.user.role, kind)) return ok(true);
  return fail({
    code: 'not-allowed',
    message:
      kind === 'releaseLetterhead'
        ? 'Only the office manager sets the letterhead'
        : 'Your role does not release records',
  });
}

/** Who did it, from which device, and when. */
export function stampNow(workspace: ReleaseWorkspace): DoneStamp {
  const { user, deviceId } = workspace;
  return { at: nowIso(), by: { userId: user.id, name: user.displayName, deviceId } };
}

/** Stores new records, all or none, once every one is valid and allowed. */
export async function createRecords(
  workspace: ReleaseWorkspace,
  records: readonly DocumentOf<ReleaseKind>[],
): Promise<Result<true, ReleaseRecordError>> {
  for (const record of records) {
    const permitted = allowed(workspace, record.kind);
    if (!permitted.ok) return permitted;
    const valid = check(record.kind, record);
    if (!valid.ok) return valid;
  }
  await workspace.db.disclosures.bulkInsert([...records]);
  return ok(true);
}

/** Changes one record from its latest stored state; a change that changes nothing writes nothing. */
export async function changeRecord<
  K extends ReleaseKind,
  E extends { code: string; message: string } = never,
>(
  workspace: ReleaseWorkspace,
  kind: K,
  id: string,
  edit: (current: DocumentOf<K>) => Result<DocumentOf<K>, E>,
): Promise<Result<DocumentOf<K>, E | ReleaseRecordError>> {
  const permitted = allowed(workspace, kind);
  if (!permitted.ok) return permitted;
  const outcome = await editDocument<K, E | ReleaseRecordError>(workspace, kind, id, (current) => {
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
  return fail(error as E | ReleaseRecordError);
}
