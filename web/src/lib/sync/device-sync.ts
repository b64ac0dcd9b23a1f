import { version } from '$app/env';
import type { Subscription } from 'rxjs';
import type { CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import { canUse } from '@clinicdesk/shared/auth/permissions.ts';
import { recordScopeOf } from '@clinicdesk/shared/registry/partitions.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { auditEventsLane } from '../audit/audit-upload.ts';
import { forgetBlobsOnDelete } from '../blobs/forget-on-delete.ts';
import { uploadsLane } from '../blobs/upload-queue.ts';
import { chartNumbersLane } from '../charts/chart-number-keeper.ts';
import type { ClinicDatabase } from '../db/database.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { type OfflineKeeper, startOfflineKeeper } from '../filing/offline/offline-keeper.ts';
import { reportDeviceHealth } from './device-report.ts';
import { type LiveStream, openLiveStream } from './live-stream.ts';
import { beforePushOf } from './check-ins-wait.ts';
import { type Outbox, type OutboxLane, startOutbox } from './outbox.ts';
import { PendingTracker } from './pending-tracker.ts';
import { type CollectionReplication, replicateCollection } from './replication.ts';
import { syncStatus } from './sync-status.svelte.ts';
import { coordinateTabs } from './tab-coordination.ts';

/** The device's sync, once started (see `startDeviceSync`). */
export type DeviceSync = {
  /** Asks the syncing tab to check this device's stock of chart numbers (after a registration). */
  refillChartNumbers: () => void;
  /** Tries the server again now (after a new sign-in, say) instead of at the next retry. */
  reconnect: () => void;
  close: () => Promise<void>;
};

/**
 * Everything that moves this device's data to and from the server: replication of every
 * collection the role may read (set up in every tab, run by RxDB only in the leader tab), and in
 * the leader tab the unsynced-change counts, the live stream, health reports, file uploads,
 * chart-number top-ups and the audit upload. The workspace loads this module once the first
 * screen is up (first-screen.ts): none of it is needed to show local data.
 */
export function startDeviceSync(deps: {
  user: SessionUser;
  db: ClinicDatabase;
  local: LocalDatabase;
  deviceId: string;
  readable: readonly CollectionName[];
  /** Who is this person now? Asked when the stream (re)connects. */
  askAccess: () => void;
}): DeviceSync {
  const { user, db, local, deviceId: device, readable, askAccess } = deps;
  const replications = new Map<string, CollectionReplication>();
  for (const collection of Object.values(db.collections)) {
    // A collection the role may not read is neither pulled nor pushed (the server refuses both).
    if (!readable.some((name) => name === collection.name)) continue;
    replications.set(
      collection.name,
      replicateCollection({
        collection,
        deviceId: device,
        status: syncStatus,
        local,
        // A check-in made offline must not reach the server before its patient.
        beforePush: beforePushOf(db, collection.name, replications),
        scopeKey: recordScopeOf(collection.name as CollectionName)
          ? `${user.role}-${user.id}`
          : undefined,
      }),
    );
  }
  const trackers: PendingTracker[] = [];
  let leaderSync: LeaderSync | null = null;
  // What is not a replicated record — files, chart-number requests, views and prints for the
  // audit trail — goes out through the outbox, from the leader tab only, like documents, so its
  // counts are the ones every tab shows.
  let outbox: Outbox | null = null;
  let forgetting: Subscription | null = null;
  let keeper: OfflineKeeper | null = null;
  const tabs = coordinateTabs({
    userId: user.id,
    status: syncStatus,
    waitForLeadership: () => db.waitForLeadership(),
    onLeadership: () => {
      // Until each of these has been counted, the chrome says it is counting, not "all synced".
      syncStatus.expectCounts([...replications.keys(), 'uploads']);
      // And until each collection has been received whole once, screens say it is downloading.
      syncStatus.expectDownloads(user.id, [...replications.keys()]);
      leaderSync = startLeaderSync(db, device, replications, trackers, askAccess);
      // Files of records that left the device (deleted, withdrawn, destroyed) leave with them.
      forgetting = forgetBlobsOnDelete(db, local);
      // The documents' files this device will need in an outage, within the practice's budget.
      if (readable.includes('filing') && canUse(user.role, 'blobs.read'))
        keeper = startOfflineKeeper({ db, local, deviceId: device });
      const lanes: OutboxLane[] = [
        uploadsLane({ local, deviceId: device }),
        auditEventsLane({ local, deviceId: device }),
      ];
      // Only those who register patients reserve chart numbers; the server refuses the rest.
      if (canUse(user.role, 'charts.numbers'))
        lanes.push(chartNumbersLane({ db, local, deviceId: device }));
      outbox = startOutbox(lanes, { status: syncStatus });
    },
  });

  return {
    refillChartNumbers() {
      outbox?.wake('chart numbers');
    },
    reconnect() {
      leaderSync?.reconnect();
      outbox?.retryNow();
    },
    async close() {
      tabs.close();
      leaderSync?.close();
      forgetting?.unsubscribe();
      keeper?.close();
      await Promise.all([...replications.values()].map((r) => r.state.cancel()));
      await outbox?.stop();
    },
  };
}

type LeaderSync = { reconnect: () => void; close: () => void };

/**
 * What only the tab that syncs does: count unsynced changes, keep the live stream open, and react
 * to the network coming and going. Runs from the moment this tab wins the leader election.
 */
function startLeaderSync(
  db: ClinicDatabase,
  device: string,
  replications: Map<string, CollectionReplication>,
  trackers: PendingTracker[],
  askAccess: () => void,
): LeaderSync {
  for (const collection of Object.values(db.collections)) {
    const replication = replications.get(collection.name);
    if (!replication) continue;
    const tracker = new PendingTracker(collection, replication.state, (count, counted) =>
      syncStatus.setPending(collection.name, count, counted),
    );
    trackers.push(tracker);
    tracker.start().catch((error: unknown) => {
      // A wrong count would tell staff their work is on the server when it is not: make it loud.
      console.error('ClinicDesk could not count unsynced changes', error);
      syncStatus.lastProblem = 'Could not count unsynced changes on this device';
    });
  }

  const resync = (name?: string) => {
    for (const [collection, replication] of replications)
      if (!name || name === collection) replication.stream$.next('RESYNC');
  };
  const stream: LiveStream = openLiveStream(device, {
    onOpen: () => {
      syncStatus.reportLive();
      resync();
    },
    onEvent: (event) => {
      if (event.type === 'resync') {
        resync();
        askAccess();
      } else if (event.type === 'change') resync(event.collection);
      else syncStatus.reportLive();
    },
    onDown: (failure) => syncStatus.reportFailure(failure),
  });

  const stopReports = reportDeviceHealth({
    deviceId: device,
    appVersion: version,
    status: syncStatus,
    trackers,
  });

  const onOnline = () => {
    syncStatus.reportConnecting();
    stream.reconnectNow();
  };
  const onOffline = () => syncStatus.reportOffline();
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) syncStatus.reportOffline();

  return {
    reconnect() {
      syncStatus.reportConnecting();
      stream.reconnectNow();
      resync();
    },
    close() {
      stopReports();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      stream.close();
      for (const tracker of trackers) tracker.stop();
    },
  };
}
