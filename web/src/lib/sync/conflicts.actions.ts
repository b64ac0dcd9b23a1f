import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { type EditableDocument, settleConflict } from '@clinicdesk/shared/sync/merge-edits.ts';
import type { RxCollection } from 'rxdb';
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
  const collection = workspace.db.collections[item.collection] as unknown as RxCollection<EditableDocument>; // prettier-ignore
  const doc = await collection.findOne(item.documentId).exec();
  if (!doc) return fail('This record is no longer on this device');
  const editor = {
    userId: workspace.user.id,
    name: workspace.user.displayName,
    deviceId: workspace.deviceId,
  };
  let alreadySettled = false;
  await doc.incrementalModify((latest) => {
    // Someone else may have settled it meanwhile (their decision arrived by sync): keep theirs.
    if (latest.conflicts?.[item.conflictId]?.status !== 'open') {
      alreadySettled = true;
      return latest;
    }
    return settleConflict(latest, item.conflictId, value, editor, new Date());
  });
  return alreadySettled ? fail('Someone has already settled this conflict') : ok('settled');
}
