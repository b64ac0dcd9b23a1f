import type { ConflictSide } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { deviceLabel } from '@clinicdesk/shared/sync/device-health.ts';
import type { HistoryWriter } from '@clinicdesk/shared/sync/version-writer.ts';

/**
 * Who made one side of a conflict, for the inbox. The server's record of the session (`writer`,
 * from the record's stored versions) decides; the `by` stamp the merging device wrote into the
 * conflict is shown only while the server's word is not to hand (offline), and says so.
 */
export function conflictSideWho(
  side: ConflictSide,
  writer: HistoryWriter | null | undefined,
  thisDeviceId: string,
  format: (iso: string) => string,
  /** Whether the server's writers of this kind of record can be asked for (patients today). */
  serverCanSay = true,
): string {
  const at = side.at ? format(side.at) : 'an unknown time';
  if (writer?.kind === 'setup') return `Set up with the practice’s records, ${at}`;
  if (writer) {
    const device = deviceLabel(
      { deviceId: writer.deviceId, name: writer.deviceName },
      thisDeviceId,
    );
    return `${writer.name} on ${device === 'This device' ? 'this device' : device}, ${at}`;
  }
  if (!side.by) return `Someone on an unknown device, ${at}`;
  const device = deviceLabel({ deviceId: side.by.deviceId }, thisDeviceId);
  const note = serverCanSay
    ? "as noted on the device; the server's record loads online"
    : 'as noted on the device';
  return `${side.by.name} on ${device === 'This device' ? 'this device' : device}, ${at} (${note})`;
}
