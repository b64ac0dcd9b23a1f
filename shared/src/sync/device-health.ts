import { z } from 'zod';
import type { ROLES } from '../auth/roles.ts';
import { deviceTag } from '../charts/chart-number.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { lineText } from '../text/line-text.ts';

/** What a device tells the server about itself (the tab that syncs sends it). */
export const deviceReportSchema = z.strictObject({
  pendingChanges: z.number().int().min(0).max(10_000_000),
  /** Device clock time of the oldest change not yet on the server. */
  oldestPendingAt: z.iso.datetime({ offset: false }).nullable(),
  lastSyncAt: z.iso.datetime({ offset: false }).nullable(),
  appVersion: z.string().min(1).max(64),
  /** Whether the browser promised not to evict this device's data (navigator.storage). */
  storagePersisted: z.boolean().nullable(),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

export type DeviceHealth = {
  deviceId: string;
  /** The name staff chose ("Front desk tablet 2"); null until someone names it. */
  name: string | null;
  user: { id: string; displayName: string; role: (typeof ROLES)[number] };
  firstSeenAt: string;
  lastSeenAt: string;
  report: (DeviceReport & { reportedAt: string }) | null;
  attention: DeviceAttention | null;
};

export type DeviceAttention =
  'changes-waiting-long' | 'silent-with-changes' | 'storage-not-persisted';

/** Changes held on a device for longer than this need someone to look (WEB-3). */
export const UNSYNCED_WARNING_HOURS = 4;
/** A device with changes that has not been heard from for this long may be off or broken. */
export const SILENT_WARNING_HOURS = 24;

const HOUR = 60 * 60 * 1000;

/** Why the office manager should look at a device, most urgent first; null when all is well. */
export function deviceAttention(
  device: Pick<DeviceHealth, 'lastSeenAt' | 'report'>,
  now: Date,
): DeviceAttention | null {
  const report = device.report;
  if (!report) return null;
  if (report.pendingChanges > 0) {
    if (now.getTime() - Date.parse(device.lastSeenAt) > SILENT_WARNING_HOURS * HOUR)
      return 'silent-with-changes';
    if (
      report.oldestPendingAt &&
      now.getTime() - Date.parse(report.oldestPendingAt) > UNSYNCED_WARNING_HOURS * HOUR
    )
      return 'changes-waiting-long';
  }
  if (report.storagePersisted === false) return 'storage-not-persisted';
  return null;
}

export const ATTENTION_TEXT: Record<DeviceAttention, string> = {
  'changes-waiting-long': `Has held unsynced changes for more than ${UNSYNCED_WARNING_HOURS} hours`,
  'silent-with-changes': `Has unsynced changes and has not been heard from for ${SILENT_WARNING_HOURS} hours`,
  'storage-not-persisted': 'The browser may clear this device’s data: install the app',
};

/**
 * A device's name as staff type it on the Devices page ("Front desk tablet 2"): one line of
 * ordinary text, shown wherever the device is named.
 */
export const deviceNameSchema = z
  .string()
  .trim()
  // One line of visible text, as for every name staff read (shared/src/text/line-text.ts).
  .pipe(lineText('device name', 60, 'Enter a name for the device'));

export const deviceNameRequestSchema = z.strictObject({ name: deviceNameSchema });

/** Why a device cannot be retired; null when it can. Pure: judged on its latest report. */
export function retireProblem(device: Pick<DeviceHealth, 'report'>): string | null {
  const pending = device.report?.pendingChanges ?? 0;
  if (pending > 0)
    return `This device still holds ${pending} unsynced ${pending === 1 ? 'change' : 'changes'}: sync it (or let it sync) before retiring it`;
  return null;
}

/**
 * How a device is named to staff, the same on the Devices page, in change history and in the
 * conflict inbox: the name staff gave it, or else a short tag from its id (the one its
 * provisional chart numbers carry, P-XXXX-n), and "This device" for the one in hand.
 */
export function deviceLabel(
  device: { deviceId: string | null; name?: string | null | undefined },
  thisDeviceId: string,
): string {
  const here = device.deviceId !== null && device.deviceId === thisDeviceId;
  if (device.name) return here ? `${device.name} (this device)` : device.name;
  if (here) return 'This device';
  if (device.deviceId === null || !UUID_PATTERN.test(device.deviceId)) return 'an unknown device';
  return `Device ${deviceTag(device.deviceId)}`;
}
