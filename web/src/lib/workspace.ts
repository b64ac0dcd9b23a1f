import { version } from '$app/env';
import { canUse, readableCollections } from '@clinicdesk/shared/auth/permissions.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { Dexie, liveQuery, type Subscription as DexieSubscription } from 'dexie';
import type { Subscription } from 'rxjs';
import { startAuditUpload, type AuditUpload } from './audit/audit-upload.ts';
import { startUploadQueue, type UploadQueue } from './blobs/upload-queue.ts';
import { type ChartNumberKeeper, keepChartNumbers } from './charts/chart-number-keeper.ts';
import { type ClinicDatabase, openClinicDatabase, removeClinicDatabase } from './db/database.ts';
import { type LocalDatabase, openLocalDatabase, purgeLocalData } from './db/local-db.ts';
import { checkAccess } from './session/access-watch.ts';
import { deviceId } from './session/device.ts';
import { forgetUser, rememberUser } from './session/local-session.ts';
import { session } from './session/session.svelte.ts';
import { keepSessionAliveWhileActive } from './session/keep-alive.ts';
import { type LiveStream, openLiveStream } from './sync/live-stream.ts';
import { openConflictItems } from './sync/conflict-inbox.svelte.ts';
import { patientIndex } from './patients/patient-index.svelte.ts';
import { reportDeviceHealth } from './sync/device-report.ts';
import { PendingTracker } from './sync/pending-tracker.ts';
import { coordinateTabs } from './sync/tab-coordination.ts';
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
  /** Asks the syncing tab to check this device's stock of chart numbers (after a registration). */
  refillChartNumbers: () => void;
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
  const readable = readableCollections(user.role);
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: device },
    { readable },
  );
  const local = openLocalDatabase(user.id);
  await purgeLocalData(local, readable, canUse(user.role, 'files.read'));

  // Every tab sets up replication; RxDB starts it only in the leader tab.
  const replications = new Map<string, CollectionReplication>();
  for (const collection of Object.values(db.collections)) {
    // A collection the role may not read is neither pulled nor pushed (the server refuses both).
    if (!readable.some((name) => name === collection.name)) continue;
    replications.set(
      collection.name,
      replicateCollection({ collection, deviceId: device, status: syncStatus, local }),
    );
  }
  const trackers: PendingTracker[] = [];
  let leaderSync: LeaderSync | null = null;
  // Files go up from the leader tab only, like documents, so its count of waiting uploads is
  // the one every tab shows.
  let uploads: UploadQueue | null = null;
  let chartNumbers: ChartNumberKeeper | null = null;
  // Views and prints go to the audit trail from the leader tab too, whichever tab recorded them.
  let auditUpload: AuditUpload | null = null;
  const tabs = coordinateTabs({
    userId: user.id,
    status: syncStatus,
    waitForLeadership: () => db.waitForLeadership(),
    onLeadership: () => {
      leaderSync = startLeaderSync(db, device, replications, trackers, askAccess);
      uploads = startUploadQueue({ local, deviceId: device, status: syncStatus });
      chartNumbers = keepChartNumbers({
        db,
        local,
        deviceId: device,
        onProblem: (message) => (syncStatus.lastProblem = message),
      });
      auditUpload = startAuditUpload({ local, deviceId: device, status: syncStatus });
    },
  });

  // Who is this person now? Asked when the stream (re)connects and when a request is refused.
  let asking = false;
  const askAccess = () => {
    if (asking) return;
    asking = true;
    void checkAccess(
      user,
      (now) => {
        // Reopening under the new role purges what it may no longer read (openClinicDatabase).
        rememberUser(now);
        location.reload();
      },
      () => void removeAccountFromDevice(db.name, local.name),
      () => void signOutForSecondFactor(),
    ).finally(() => (asking = false));
  };
  const stopAccessWatch = syncStatus.onAccessQuestion(askAccess);

  const stopKeepAlive = keepSessionAliveWhileActive(syncStatus);
  // The conflict count reads every patient record (conflicts are inside them, unindexed): it
  // waits until the patient list has read the patients, so as not to share the device's one
  // thread with it at start, when staff are waiting for the list (cold start, #6).
  let conflictWatch: Subscription | null = null;
  let closed = false;
  void patientIndex(db).whenLoaded.then(() => {
    if (closed) return;
    conflictWatch = openConflictItems(db).subscribe(
      (items) => (syncStatus.conflicts = items.length),
    );
  });
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
    refillChartNumbers() {
      chartNumbers?.refill();
    },
    reconnect() {
      leaderSync?.reconnect();
      uploads?.retryNow();
      chartNumbers?.refill();
      auditUpload?.retryNow();
    },
    async close() {
      closed = true;
      stopAccessWatch();
      stopKeepAlive();
      conflictWatch?.unsubscribe();
      refusedWatch.unsubscribe();
      tabs.close();
      leaderSync?.close();
      chartNumbers?.stop();
      await Promise.all([...replications.values()].map((r) => r.state.cancel()));
      await uploads?.stop();
      await auditUpload?.stop();
      await db.close();
      local.close();
    },
  };
}

/**
 * A deactivated account: its local data (documents, files, drafts, refused changes) leaves this
 * device and the person is signed out. Unsynced changes go too — the server refuses them.
 */
async function removeAccountFromDevice(dbName: string, localName: string): Promise<void> {
  await closeWorkspace();
  await removeClinicDatabase(dbName);
  await Dexie.delete(localName);
  forgetUser();
  session.user = null;
  location.assign('/login?ended=deactivated');
}

/**
 * The person was given a role that needs a second factor (office manager, administrator) while
 * signed in with the password alone: the server opens nothing to that session any more. They are
 * signed out here to sign in again with a code; what is on the device stays, as at any sign-out,
 * and reopens under the new role (purging what it may not read) once they are back.
 */
async function signOutForSecondFactor(): Promise<void> {
  await closeWorkspace();
  forgetUser();
  session.user = null;
  location.assign('/login?ended=second-factor');
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
