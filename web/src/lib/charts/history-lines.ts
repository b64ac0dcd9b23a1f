import type { HistoryEntry } from '@clinicdesk/shared/patients/patient-history.ts';
import { deviceLabel } from '@clinicdesk/shared/sync/device-health.ts';

const KIND_LABELS = {
  registered: 'Registered',
  changed: 'Changed',
  removed: 'Removed',
  restored: 'Restored',
} as const satisfies Record<HistoryEntry['kind'], string>;

/** An edit that reached the server this much later than it was made was made offline. */
export const LATE_SYNC_MS = 120_000;

/**
 * Who made a change, as one sentence: the person and device the server's session knew (never
 * the document's stamp), the device named as the Devices page names it.
 */
export function historyWho(entry: HistoryEntry, thisDeviceId: string): string {
  const kind = KIND_LABELS[entry.kind];
  if (entry.by.kind === 'setup') return `${kind} when the practice’s records were set up`;
  const device = deviceLabel(
    { deviceId: entry.by.deviceId, name: entry.by.deviceName },
    thisDeviceId,
  );
  const on = device === 'This device' ? 'this device' : device;
  return `${kind} by ${entry.by.name} on ${on}`;
}

/** When: the device's time of the edit, and when it reached the server if that was much later. */
export function historyWhen(entry: HistoryEntry, format: (iso: string) => string): string {
  if (!entry.editedAt) return format(entry.syncedAt);
  // What the server set up itself did not travel from a device: when it "reached" it says nothing.
  if (entry.by.kind === 'setup') return format(entry.editedAt);
  const late = Date.parse(entry.syncedAt) - Date.parse(entry.editedAt) > LATE_SYNC_MS;
  return late
    ? `${format(entry.editedAt)} · reached the server ${format(entry.syncedAt)}`
    : format(entry.editedAt);
}
