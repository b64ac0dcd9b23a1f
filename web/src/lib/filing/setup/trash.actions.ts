import { ok, type Result } from '@clinicdesk/shared/result.ts';
import { changeRecord, type SetupError, type SetupWorkspace, without } from './setup-records.ts';

/**
 * Takes a document out of the trash: its `trashed` stamp goes, and it is back where it was
 * filed. Emptying the trash is the server's (issue 12.5), never a device's.
 */
export async function restoreFromTrash(
  workspace: SetupWorkspace,
  documentId: string,
): Promise<Result<true, SetupError>> {
  const restored = await changeRecord(workspace, 'filedDocument', documentId, (current) =>
    ok(without(current, 'trashed')),
  );
  return restored.ok ? ok(true) : restored;
}
