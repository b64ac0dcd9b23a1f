import type { DeviceAuditAction } from '@clinicdesk/shared/audit/audit-event.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { Workspace } from '../workspace.ts';

/**
 * Records that the signed-in person viewed or printed patient data on this device: the record's
 * id only, never what it showed. Kept in the local database first (it happens offline as often
 * as not) and uploaded to the server's audit trail by the syncing tab.
 */
export async function recordAccess(
  workspace: Pick<Workspace, 'local' | 'user'>,
  action: DeviceAuditAction,
  collection: CollectionName,
  recordId: string | null,
): Promise<void> {
  const now = Date.now();
  await workspace.local.auditEvents.add({
    eventId: uuidv7(now, crypto.getRandomValues(new Uint8Array(10))),
    action,
    userId: workspace.user.id,
    deviceTime: new Date(now).toISOString(),
    collection,
    recordId,
  });
}

/** Records a view, reporting (never throwing) when the local database refuses it. */
export function recordView(
  workspace: Pick<Workspace, 'local' | 'user'>,
  collection: CollectionName,
  recordId: string | null,
): void {
  recordAccess(workspace, 'view', collection, recordId).catch((error: unknown) =>
    console.error('ClinicDesk could not record a view in the audit trail', error),
  );
}
