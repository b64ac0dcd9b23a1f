/**
 * A device's clock and the server's differ by the time an upload takes: under a minute apart,
 * they are one moment and the report shows it once. Further apart (recorded offline, or a
 * device clock that is off), the report shows when the device says it happened as well.
 */
export const SAME_MOMENT_MS = 60_000;

/** When an audit entry happened, as the report shows it: the server's time, and the device's if apart. */
export function auditTimes(entry: { serverTime: string; deviceTime: string | null }): {
  at: string;
  onDevice: string | null;
} {
  const apart =
    entry.deviceTime !== null &&
    Math.abs(Date.parse(entry.deviceTime) - Date.parse(entry.serverTime)) >= SAME_MOMENT_MS;
  return { at: entry.serverTime, onDevice: apart ? entry.deviceTime : null };
}
