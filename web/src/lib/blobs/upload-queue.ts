import { liveQuery, type Subscription } from 'dexie';
import type { ApiFailure } from '../api/http.ts';
import type { LocalDatabase, QueuedUpload } from '../db/local-db.ts';
import type { SyncStatus } from '../sync/sync-status.svelte.ts';
import { blobIsOnServer, uploadBlob } from './blob-api.ts';

export type UploadQueue = {
  /** Tries every waiting upload now, backoff or not (after a new sign-in, say). */
  retryNow: () => void;
  /** Stops uploading and waits for the upload under way to be abandoned. */
  stop: () => Promise<void>;
};

type UploadQueueDeps = {
  local: LocalDatabase;
  deviceId: string;
  status: SyncStatus;
};

/** Which uploads a pass tries: the due ones, or all waiting ones, or even those refused before. */
type Pass = { ignoreBackoff: boolean; includeFailed: boolean };

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;
/** After an unexpected error (the local database, say), the queue tries again this much later. */
const AFTER_BUG_MS = 30_000;

/**
 * Uploads the files taken on this device, one at a time, until the server has each of them.
 * The queue lives in the local database, so it survives reloads and restarts. An upload that
 * fails for want of a network (or a server error) is retried with backoff, and at once when the
 * browser comes back online; one the server refuses for good is marked failed and reported,
 * and tried again only the next time the app starts.
 */
export function startUploadQueue({ local, deviceId, status }: UploadQueueDeps): UploadQueue {
  const abort = new AbortController();
  let stopped = false;
  let running: Promise<void> | null = null;
  let nextPass: Pass | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function run(pass: Pass): void {
    if (stopped) return;
    if (running) {
      // One pass at a time; whatever was asked for meanwhile runs right after.
      nextPass = {
        ignoreBackoff: pass.ignoreBackoff || (nextPass?.ignoreBackoff ?? false),
        includeFailed: pass.includeFailed || (nextPass?.includeFailed ?? false),
      };
      return;
    }
    clearTimeout(timer);
    running = uploadWaiting(pass)
      .then(scheduleNextTry)
      .catch((error: unknown) => {
        if (stopped) return;
        // Never a silent stop: the files would sit here while the app says nothing.
        console.error('ClinicDesk could not upload files', error);
        status.lastProblem = 'Files taken on this device could not be uploaded';
        timer = setTimeout(() => run(DUE), AFTER_BUG_MS);
      })
      .finally(() => {
        running = null;
        const queued = nextPass;
        nextPass = null;
        if (queued) run(queued);
      });
  }

  async function uploadWaiting(pass: Pass): Promise<void> {
    const now = Date.now();
    const waiting = await local.uploads
      .orderBy('nextTryAt')
      .filter(
        (u) => (pass.includeFailed || !u.failed) && (pass.ignoreBackoff || u.nextTryAt <= now),
      )
      .toArray();
    for (const upload of waiting) {
      if (stopped) return;
      await uploadOne(upload);
    }
  }

  async function uploadOne(upload: QueuedUpload): Promise<void> {
    const blob = await local.blobs.get(upload.sha256);
    if (!blob) return markFailed(upload, 'The file is no longer on this device');
    // A retry may follow an upload that reached the server but whose answer was lost: ask
    // first rather than send the bytes again. (Any failure here is left to the upload below.)
    if (upload.attempts > 0) {
      const there = await blobIsOnServer(upload.sha256, deviceId, abort.signal);
      if (stopped) return;
      if (there.ok && there.value) {
        await local.uploads.delete(upload.sha256);
        return;
      }
    }
    const outcome = await uploadBlob(blob, deviceId, abort.signal);
    // Stopped mid-upload (sign-out): the entry stays as it was, for next time.
    if (stopped) return;
    if (outcome.ok) {
      await local.uploads.delete(upload.sha256);
      return;
    }
    if (isTransient(outcome)) {
      // Offline, a server error, an ended session or an outdated app: the chrome says which,
      // and the file waits on this device until it can go.
      status.reportFailure(outcome);
      await local.uploads.update(upload.sha256, {
        attempts: upload.attempts + 1,
        nextTryAt: Date.now() + retryDelay(upload.attempts + 1, Math.random()),
        lastError: outcome.message,
        failed: false,
      });
      return;
    }
    status.lastProblem = `A file could not be uploaded: ${outcome.message}`;
    await markFailed(upload, outcome.message);
  }

  async function markFailed(upload: QueuedUpload, message: string): Promise<void> {
    await local.uploads.update(upload.sha256, {
      attempts: upload.attempts + 1,
      lastError: message,
      failed: true,
    });
  }

  /** Wakes the queue when the earliest waiting upload is due. */
  async function scheduleNextTry(): Promise<void> {
    const next = await local.uploads
      .orderBy('nextTryAt')
      .filter((u) => !u.failed)
      .first();
    if (!next || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => run(DUE), Math.max(0, next.nextTryAt - Date.now()));
  }

  const onOnline = () => run({ ignoreBackoff: true, includeFailed: false });
  window.addEventListener('online', onOnline);

  // Every change to the queue (a new file here or in another tab, an upload done) updates the
  // unsynced count in the chrome and gives a new file its first try.
  const watch: Subscription = liveQuery(() => local.uploads.count()).subscribe({
    next: (count) => {
      status.setPending('uploads', count);
      run(DUE);
    },
    error: (error: unknown) => {
      console.error('ClinicDesk could not count waiting uploads', error);
      status.lastProblem = 'Could not count unsynced changes on this device';
    },
  });

  // A start is a fresh chance for everything, even what the server refused last time (the app
  // or the server may have been fixed since).
  run({ ignoreBackoff: true, includeFailed: true });

  return {
    retryNow: () => run({ ignoreBackoff: true, includeFailed: false }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      window.removeEventListener('online', onOnline);
      watch.unsubscribe();
      await running;
    },
  };
}

const DUE: Pass = { ignoreBackoff: false, includeFailed: false };

/** Worth trying again later: the network, the server, or the session, not the file itself. */
function isTransient(failure: ApiFailure): boolean {
  if (failure.kind === 'network') return true;
  return (
    failure.status >= 500 ||
    failure.status === 401 ||
    failure.status === 408 ||
    failure.status === 426 ||
    failure.status === 429
  );
}

/**
 * Exponential backoff with jitter: about 2 s, 4 s, 8 s … up to 5 minutes, each between half and
 * all of that, so tablets that lost the network together do not all come back at once.
 * `random` is in [0, 1).
 */
export function retryDelay(attempt: number, random: number): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
