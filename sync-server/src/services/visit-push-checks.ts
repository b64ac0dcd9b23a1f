import type { RowRejection } from '@clinicdesk/shared/sync/protocol.ts';
import type { PushRowInput, Store } from '../storage/store.ts';

/**
 * What the server checks of pushed visits beyond the schema: the patient a visit is for must be
 * stored (a check-in names a chart the practice has). The device pushes a check-in only once
 * its patient has reached the server (replication.ts, `beforePush`), so a real check-in made
 * offline is never refused for arriving first.
 */
export function visitPushChecks(deps: { store: Pick<Store, 'storedIds'> }) {
  return async (rows: readonly PushRowInput[]): Promise<RowRejection[]> => {
    const patientOf = (row: PushRowInput) =>
      typeof row.next.patientId === 'string' ? row.next.patientId : '';
    const stored = await deps.store.storedIds('patients', [...new Set(rows.map(patientOf))]);
    const message = 'The visit is for a patient the practice has no record of';
    return rows
      .filter((row) => !stored.has(patientOf(row)))
      .map((row) => ({
        id: row.next.id,
        code: 'invalid-document' as const,
        message,
        issues: [{ path: 'patientId', message }],
      }));
  };
}
