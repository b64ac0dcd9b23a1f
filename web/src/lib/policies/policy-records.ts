import { canWriteState } from '@clinicdesk/shared/auth/permissions.ts';
import { policyVersionChange } from '@clinicdesk/shared/policies/version-lifecycle.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { nowIso } from '../clock.ts';
import { type DocumentOf, editDocument } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * How the policy screens write: every record checked against its kind's schema (the one the
 * server checks each push with), the permission table and, for a version, the lifecycle's rule
 * on the stored and new state (`policyVersionChange`) before it is stored on this device. The
 * server applies the same checks when it syncs; nothing here waits for it.
 */
export type PolicyKind = 'manual' | 'policy' | 'policyVersion' | 'policyApproval';

export type PolicyWriteError = {
  code: string;
  message: string;
  /** The version another edit reached first (its text moved on while this one was hashed). */
  moved?: boolean;
};

export function editorOf(workspace: Workspace): Editor {
  const { user, deviceId } = workspace;
  return { userId: user.id, name: user.displayName, deviceId };
}

export const stamp = (workspace: Workspace) => ({ at: nowIso(), by: editorOf(workspace) });

/** Whether the record may be stored as it is: valid, this role's to write, a lawful move. */
export function checked<K extends PolicyKind>(
  workspace: Workspace,
  kind: K,
  stored: DocumentOf<K> | undefined,
  next: DocumentOf<K>,
): Result<DocumentOf<K>, PolicyWriteError> {
  // The stored state RxDB hands a change carries its own fields (_rev, _meta…): not the record's.
  const record = Object.fromEntries(Object.entries(next).filter(([key]) => !key.startsWith('_')));
  const parsed = KIND_SCHEMAS[kind].safeParse(record);
  if (!parsed.success)
    return fail({ code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Not saved' });
  const role = workspace.user.role;
  if (
    !canWriteState(role, 'policies', next) ||
    (stored && !canWriteState(role, 'policies', stored))
  )
    // prettier-ignore
    return fail({ code: 'not-allowed', message: 'Your role cannot make this change' });
  if (kind === 'policyVersion') {
    const judged = policyVersionChange(
      stored as DocumentOf<'policyVersion'> | undefined,
      next as DocumentOf<'policyVersion'>,
    );
    if (!judged.ok) return judged;
  }
  return ok(next);
}

/** Stores new records of one kind, once every one passes. */
export async function insertRecords<K extends PolicyKind>(
  workspace: Workspace,
  kind: K,
  records: readonly DocumentOf<K>[],
): Promise<Result<void, PolicyWriteError>> {
  for (const record of records) {
    const valid = checked(workspace, kind, undefined, record);
    if (!valid.ok) return valid;
  }
  const stored: DocumentOf<PolicyKind>[] = [...records];
  const written = await workspace.db.policies.bulkInsert(stored);
  const refused = written.error.find((error) => error.status !== 409);
  if (refused) return fail({ code: 'not-saved', message: `Not saved (${refused.status})` });
  return ok(undefined);
}

/** Changes one record from its latest stored state, checked as `checked` says. */
export async function changeRecord<K extends PolicyKind>(
  workspace: Workspace,
  kind: K,
  id: string,
  change: (current: DocumentOf<K>) => Result<DocumentOf<K>, PolicyWriteError>,
): Promise<Result<DocumentOf<K>, PolicyWriteError>> {
  const outcome = await editDocument(workspace, kind, id, (current) => {
    const next = change(current);
    return next.ok ? checked(workspace, kind, current, next.value) : next;
  });
  if (outcome.ok) return outcome;
  const error = outcome.error;
  if (error.code === 'not-on-device' || error.code === 'deleted')
    return fail({ code: error.code, message: 'This record is not on this device' });
  return fail(error as PolicyWriteError);
}
