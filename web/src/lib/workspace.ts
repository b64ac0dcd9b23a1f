import { canUse, readableCollections } from '@clinicdesk/shared/auth/permissions.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { Dexie, liveQuery, type Subscription as DexieSubscription } from 'dexie';
import type { Subscription } from 'rxjs';
import { type ClinicDatabase, openClinicDatabase, removeClinicDatabase } from './db/database.ts';
import { keptDocumentsName } from './db/kept-documents.ts';
import { type LocalDatabase, openLocalDatabase, purgeLocalData } from './db/local-db.ts';
import { purgedBlobs } from './blobs/forget-blobs.ts';
import { checkAccess } from './session/access-watch.ts';
import { deviceId } from './session/device.ts';
import { forgetUser, rememberUser } from './session/local-session.ts';
import { session } from './session/session.svelte.ts';
import { keepSessionAliveWhileActive } from './session/keep-alive.ts';
import { patientIndex } from './patients/patient-index.svelte.ts';
import type { DeviceSync } from './sync/device-sync.ts';
import { syncStatus } from './sync/sync-status.svelte.ts';
import { afterFirstScreen } from './first-screen.ts';

/** Everything a signed-in user works with on this device: local data and its sync. */
export type Workspace = {
  user: SessionUser;
  /** This browser's device id, stamped on every change made here. */
  deviceId: string;
  db: ClinicDatabase;
  local: LocalDatabase;
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
  // Files only purged records referred to leave the device with them (forget-blobs.ts).
  const purged = purgedBlobs();
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: device },
    { readable, beforePurge: purged.beforePurge },
  );
  const local = openLocalDatabase(user.id);
  await purgeLocalData(local, readable, canUse(user.role, 'blobs.read'));
  await purged.forget(local, db);

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
  void patientIndex(db)
    .whenLoaded.then(() => import('./sync/conflict-inbox.svelte.ts'))
    .then(({ openConflictItems }) => {
      if (closed) return;
      conflictWatch = openConflictItems(db).subscribe(
        (items) => (syncStatus.conflicts = items.length),
      );
    })
    .catch((error: unknown) => console.error('ClinicDesk could not count conflicts', error));
  const refusedWatch: DexieSubscription = liveQuery(() => local.refusedChanges.count()).subscribe({
    next: (count) => (syncStatus.refused = count),
  });

  // Sync is loaded and started once the first screen is up: it runs in the background, and the
  // screen staff are waiting for (local data) needs none of its code (#6, first-screen.ts).
  let sync: DeviceSync | null = null;
  void afterFirstScreen()
    .then(() => import('./sync/device-sync.ts'))
    .then(({ startDeviceSync }) => {
      if (closed) return;
      sync = startDeviceSync({ user, db, local, deviceId: device, readable, askAccess });
    })
    .catch((error: unknown) => {
      console.error('ClinicDesk could not start syncing', error);
      syncStatus.lastProblem = 'Could not start syncing on this device';
    });

  // The downtime binder's device-wide copy follows this person's policy records (binder-copy.ts).
  let binderCopy: Subscription | null = null;
  if (readable.includes('policies'))
    void afterFirstScreen()
      .then(() => import('./policies/binder/binder-copy.ts'))
      .then(({ keepBinderCopy }) => {
        if (!closed) binderCopy = keepBinderCopy({ db });
      })
      .catch((error: unknown) => console.error('ClinicDesk could not copy the binder', error));

  return {
    user,
    deviceId: device,
    db,
    local,
    refillChartNumbers() {
      sync?.refillChartNumbers();
    },
    reconnect() {
      sync?.reconnect();
    },
    async close() {
      closed = true;
      stopAccessWatch();
      stopKeepAlive();
      conflictWatch?.unsubscribe();
      refusedWatch.unsubscribe();
      binderCopy?.unsubscribe();
      await sync?.close();
      await db.close();
      local.close();
    },
  };
}

/**
 * A deactivated account: its local data (documents, files, drafts, refused changes) leaves this
 * device and the person is signed out. Unsynced changes go too — the server refuses them.
 */
function removeAccountFromDevice(dbName: string, localName: string): Promise<void> {
  return signOutHere('deactivated', async () => {
    await removeClinicDatabase(dbName);
    await Dexie.delete(localName);
    await Dexie.delete(keptDocumentsName(localName));
  });
}

/**
 * The person was given a role that needs a second factor (office manager, administrator) while
 * signed in with the password alone: the server opens nothing to that session any more. They are
 * signed out here to sign in again with a code; what is on the device stays, as at any sign-out,
 * and reopens under the new role (purging what it may not read) once they are back.
 */
function signOutForSecondFactor(): Promise<void> {
  return signOutHere('second-factor');
}

/** Signs the person out of this device because the server ended their access, saying why. */
async function signOutHere(
  ended: 'deactivated' | 'second-factor',
  whileClosed: () => Promise<void> = async () => {},
): Promise<void> {
  await closeWorkspace();
  await whileClosed();
  forgetUser();
  session.user = null;
  location.assign(`/login?ended=${ended}`);
}
