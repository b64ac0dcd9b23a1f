import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  changeRecord,
  createRecords,
  newRecordBase,
  type RetentionError,
  type RetentionWorkspace,
  stampNow,
} from './retention-records.ts';

/**
 * Legal holds, placed and released on this device (they sync when they can). While a hold
 * stands, nothing it covers is destroyed or emptied from the trash — the server judges that
 * at the moment of destruction, whatever this device has synced.
 */

export type HoldTarget = { patientId: string } | { documentId: string };

export async function placeLegalHold(
  workspace: RetentionWorkspace,
  input: { on: HoldTarget; reason: string; matter: string },
): Promise<Result<LegalHold, RetentionError>> {
  const reason = input.reason.trim();
  const matter = input.matter.trim();
  if (reason === '')
    return fail({ code: 'invalid', field: 'reason', message: 'Say why the records are held' });
  const hold: LegalHold = {
    ...newRecordBase(),
    kind: 'legalHold',
    ...input.on,
    reason,
    ...(matter !== '' && { matter }),
    placed: stampNow(workspace),
  };
  const made = await createRecords(workspace, 'legalHold', [hold]);
  return made.ok ? ok(hold) : made;
}

/** Ends a hold; what it covered follows its retention rules again. A hold is released once. */
export function releaseLegalHold(
  workspace: RetentionWorkspace,
  id: string,
): Promise<Result<LegalHold, RetentionError>> {
  return changeRecord(workspace, 'legalHold', id, (current) =>
    current.released
      ? fail({ code: 'already-released', message: 'This hold was already released' })
      : ok({ ...current, released: stampNow(workspace) }),
  );
}
