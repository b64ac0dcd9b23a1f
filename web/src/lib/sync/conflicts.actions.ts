import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { settleConflict } from '@clinicdesk/shared/sync/merge-edits.ts';
import { editDocument } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';
import type { ConflictItem } from './conflict-inbox.svelte.ts';

export type Settlement = { keep: 'kept' | 'other' } | { typed: string };

/**
 * Settles a conflict the way a person chose: one of the two values, or a value they typed (read
 * by the rules of the form that edits that field). The decision is an ordinary edit of the
 * record, in whichever collection it lives, so it syncs to every device like any other change.
 */
export async function settle(
  workspace: Workspace,
  item: ConflictItem,
  choice: Settlement,
): Promise<Result<'settled', string>> {
  let value: unknown;
  if ('keep' in choice) value = item.conflict[choice.keep].value;
  else {
    const parsed = item.parseTyped(choice.typed);
    if (!parsed) return fail('Choose one of the two values for this field');
    if (!parsed.ok) return fail(parsed.error);
    value = parsed.value;
  }
  const editor = {
    userId: workspace.user.id,
    name: workspace.user.displayName,
    deviceId: workspace.deviceId,
  };
  const now = new Date();
  const settled = await editDocument(workspace, item.collection, item.documentId, (latest) =>
    // Someone else may have settled it meanwhile (their decision arrived by sync): keep theirs.
    latest.conflicts?.[item.conflictId]?.status === 'open'
      ? ok(settleConflict(latest, item.conflictId, value, editor, now))
      : fail({ code: 'already-settled' as const }),
  );
  if (settled.ok) return ok('settled');
  return fail(
    settled.error.code === 'already-settled'
      ? 'Someone has already settled this conflict'
      : 'This record is no longer on this device',
  );
}
