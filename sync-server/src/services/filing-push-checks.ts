import { heldBy, type HoldLike } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import type { RowRejection } from '@clinicdesk/shared/sync/protocol.ts';
import type { PushRowInput, Store } from '../storage/store.ts';
import { trashing } from './disposition.service.ts';

/**
 * What the server checks of pushed filed documents beyond the schema: a document under a
 * legal hold (on it, or on its patient) cannot be put in the trash (issue 12.7). Devices check
 * the same before they let anyone try; this is the word that counts, for a hold placed while
 * the device was offline.
 */
export function filedDocumentPushChecks(deps: {
  store: Pick<Store, 'currentOfKinds'>;
  clock: () => Date;
}) {
  return async (rows: readonly PushRowInput[]): Promise<RowRejection[]> => {
    const toTrash = rows.filter(trashing);
    if (toTrash.length === 0) return [];
    const holds = (await deps.store.currentOfKinds('filing', ['legalHold']))
      .filter((hold) => !hold._deleted)
      .map((hold) => hold as unknown as HoldLike & { reason?: string });
    const now = deps.clock().toISOString();
    return toTrash.flatMap((row) => {
      const patientId = typeof row.next.patientId === 'string' ? row.next.patientId : undefined;
      const standing = heldBy({ id: row.next.id, patientId }, holds, now);
      if (standing.length === 0) return [];
      const reason = standing[0]?.reason;
      return [
        {
          id: row.next.id,
          code: 'forbidden' as const,
          message: `A legal hold applies${reason ? ` (${reason})` : ''}: this document cannot be put in the trash`,
        },
      ];
    });
  };
}
