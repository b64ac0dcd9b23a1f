import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { liveQuery, type Subscription as DexieSubscription } from 'dexie';
import { type ClinicDatabase, openClinicDatabase } from './db/database.ts';
import { type LocalDatabase, openLocalDatabase } from './db/local-db.ts';
import { deviceId } from './session/device.ts';
import { keepSessionAliveWhileActive } from './session/keep-alive.ts';
import { type LiveStream, openLiveStream } from './sync/live-stream.ts';
import { openConflictItems } from './sync/conflict-inbox.svelte.ts';
import { PendingTracker } from './sync/pending-tracker.ts';
import { type CollectionReplication, replicateCollection } from './sync/replication.ts';
import { syncStatus } from './sync/sync-status.svelte.ts';

/** Everything a signed-in user works with on this device: local data and its sync. */
export type Workspace = {
  user: SessionUser;
  /** This browser's device id, stamped on every change made here. */
  deviceId: string;
  db: ClinicDatabase;
  local: LocalDatabase;
  replications: Map<string, CollectionReplication>;
  trackers: PendingTracker[];
  /** Tries the server again now (after a new sign-in, say) instead of at the next retry. */
  reconnect: () => void;
  close: () => Promise<void>;
};

let opening: Promise<Workspace> | null = null;
let openFor: string | null = null;

/**
 * Opens (once per user) the local databases and starts syncing them. Nothing here waits for
 * the network: with the server unreachable the app works from local data and sync retries.
 */
export function openWorkspace(user: SessionUser): Promise<Workspace> {
  if (opening && openFor === user.id) return opening;
  const previous = opening;
  openFor = user.id;
  opening = (async () => {
    if (previous) await (await previous).close();
    return startWorkspace(user);
  })();
  return opening;
}

export async function closeWorkspace(): Promise<void> {
  const current = opening;
  opening = null;
  openFor = null;
  if (current) await (await current).close();
}

async function startWorkspace(user: SessionUser): Promise<Workspace> {
  syncStatus.reset();
  void navigator.storage?.persist?.().catch(() => false);
  const device = deviceId();
  const db = await openClinicDatabase(user.id, {
    userId: user.id,
    name: user.displayName,
    deviceId: device,
  });
  const local = openLocalDatabase(user.id);

  const replications = new Map<string, CollectionReplication>();
  const trackers: PendingTracker[] = [];
  for (const collection of Object.values(db.collections)) {
    const replication = replicateCollection({
      collection,
      deviceId: device,
      status: syncStatus,
      local,
    });
    replications.set(collection.name, replication);
    const tracker = new PendingTracker(collection, replication.state, (count) =>
      syncStatus.setPending(collection.name, count),
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
      if (event.type === 'resync') resync();
      else if (event.type === 'change') resync(event.collection);
      else syncStatus.reportLive();
    },
    onDown: (failure) => syncStatus.reportFailure(failure),
  });

  const onOnline = () => stream.reconnectNow();
  const onOffline = () => syncStatus.reportOffline();
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) syncStatus.reportOffline();

  const stopKeepAlive = keepSessionAliveWhileActive(syncStatus);
  const conflictWatch = openConflictItems(db).subscribe(
    (items) => (syncStatus.conflicts = items.length),
  );
  const refusedWatch: DexieSubscription = liveQuery(() => local.refusedChanges.count()).subscribe({
    next: (count) => (syncStatus.refused = count),
  });

  return {
    user,
    deviceId: device,
    db,
    local,
    replications,
    trackers,
    reconnect() {
      syncStatus.connection = 'connecting';
      stream.reconnectNow();
      resync();
    },
    async close() {
      stopKeepAlive();
      conflictWatch.unsubscribe();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      refusedWatch.unsubscribe();
      stream.close();
      for (const tracker of trackers) tracker.stop();
      await Promise.all([...replications.values()].map((r) => r.state.cancel()));
      await db.close();
      local.close();
    },
  };
}
