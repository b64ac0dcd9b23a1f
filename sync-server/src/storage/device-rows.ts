import { deviceReportSchema } from '@clinicdesk/shared/sync/device-health.ts';
import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';

/**
 * A stored report back into its type. It was validated on the way in; one that no longer
 * parses (written by a future version, say) shows as "no report" rather than breaking the list.
 */
export function parseStoredReport(json: string | null): DeviceReport | null {
  if (!json) return null;
  try {
    const parsed = deviceReportSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
