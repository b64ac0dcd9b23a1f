import type { DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import { api, syncHeaders } from '../api/client.ts';
import { requestJson } from '../api/http.ts';
import type { PendingTracker } from './pending-tracker.ts';
import type { SyncStatus } from './sync-status.svelte.ts';

const EVERY_MS = 5 * 60 * 1000;
const AT_MOST_EVERY_MS = 15 * 1000;

/**
 * Tells the server how this device is doing (unsynced changes, since when, last sync), so the
 * office manager can see a tablet that has been holding changes for hours. Sent by the tab that
 * syncs: at start, when the counts change (at most every 15 s), and every 5 minutes.
 */
export function reportDeviceHealth(options: {
  deviceId: string;
  appVersion: string;
  status: SyncStatus;
  trackers: readonly PendingTracker[];
}): () => void {
  const { status } = options;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function send(): Promise<void> {
    // A count still being taken would tell the office manager this tablet holds fewer changes
    // than it does; the end of the count is a change, which sends the report.
    if (status.counting) return;
    lastSent = Date.now();
    const oldest = options.trackers
      .map((tracker) => tracker.oldestPendingAt())
      .filter((at): at is string => !!at)
      .sort()[0];
    const report: DeviceReport = {
      pendingChanges: status.pending,
      oldestPendingAt: oldest ?? null,
      lastSyncAt: status.lastSyncAt,
      appVersion: options.appVersion,
      storagePersisted: (await navigator.storage?.persisted?.().catch(() => null)) ?? null,
    };
    // A report that does not arrive is simply sent again later; it is not staff's work.
    await requestJson(() =>
      api.sync.v1.devices.report.$post(
        { json: report },
        { headers: syncHeaders(options.deviceId) },
      ),
    );
  }

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), Math.max(0, lastSent + AT_MOST_EVERY_MS - Date.now()));
  };
  const stopWatching = status.onChange(soon);
  const interval = setInterval(() => void send(), EVERY_MS);
  void send();
  return () => {
    stopWatching();
    clearTimeout(timer);
    clearInterval(interval);
  };
}
