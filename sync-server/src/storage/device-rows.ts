import { deviceReportSchema } from '@clinicdesk/shared/sync/device-health.ts';
import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import { storedRole } from './account-rows.ts';
import type { DeviceRecord } from './store.ts';

/** One row of the devices-with-users query, as either database returns it. */
export type DeviceRow = {
  deviceId: string;
  name: string | null;
  userId: string;
  displayName: string;
  role: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  report: string | null;
  reportedAt: Date | null;
};

export function toDeviceRecord(row: DeviceRow): DeviceRecord {
  return {
    deviceId: row.deviceId,
    name: row.name,
    user: { id: row.userId, displayName: row.displayName, role: storedRole(row.role, row.userId) },
    firstSeenAt: row.firstSeenAt,
    lastSeenAt: row.lastSeenAt,
    report: parseStoredReport(row.report),
    reportedAt: row.reportedAt,
  };
}

/**
 * A stored report back into its type. It was validated on the way in; one that no longer
 * parses (written by a future version, say) shows as "no report" rather than breaking the list.
 */
function parseStoredReport(json: string | null): DeviceReport | null {
  if (!json) return null;
  try {
    const parsed = deviceReportSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
