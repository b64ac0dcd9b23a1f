import type { LocalDatabase, QueuedUpload } from '../db/local-db.ts';
import { isTransient, type OutboxLane, type PassOptions, type PassOutcome, retryDelay } from '../sync/outbox.ts'; // prettier-ignore
import { blobIsOnServer, uploadBlob } from './blob-api.ts';

/**
 * The outbox lane of the files taken on this device (photos, card scans): uploaded one at a
 * time until the server has each of them. The queue lives in the local database, so it survives
 * reloads and restarts, and each file keeps its own attempts and next try there. A file the
 * server refuses for good is marked failed and reported, and tried again only at the next start.
 */
export function uploadsLane(deps: {
  local: LocalDatabase;
  deviceId: string;
  random?: () => number;
}): OutboxLane {
  const { local, deviceId } = deps;
  const random = deps.random ?? Math.random;

  async function send(options: PassOptions): Promise<PassOutcome> {
    const now = Date.now();
    const waiting = await local.uploads
      .orderBy('nextTryAt')
      .filter(
        (u) => (options.includeRefused || !u.failed) && (options.ignoreWaits || u.nextTryAt <= now),
      )
      .toArray();
    let problem: string | undefined;
    for (const upload of waiting) {
      if (options.stopped()) return { kind: 'sent' };
      const outcome = await uploadOne(upload, options);
      if (outcome.kind === 'failed') return outcome;
      if (outcome.kind === 'refused') problem = outcome.message;
    }
    const next = await local.uploads
      .orderBy('nextTryAt')
      .filter((u) => !u.failed)
      .first();
    return { kind: 'sent', nextDueAt: next?.nextTryAt ?? null, problem };
  }

  async function uploadOne(
    upload: QueuedUpload,
    options: PassOptions,
  ): Promise<PassOutcome | { kind: 'done' }> {
    const blob = await local.blobs.get(upload.sha256);
    if (!blob) return markFailed(upload, 'The file is no longer on this device');
    // A retry may follow an upload that reached the server but whose answer was lost: ask
    // first rather than send the bytes again. (Any failure here is left to the upload below.)
    if (upload.attempts > 0) {
      const there = await blobIsOnServer(upload.sha256, deviceId, options.signal);
      if (options.stopped()) return { kind: 'done' };
      if (there.ok && there.value) {
        await local.uploads.delete(upload.sha256);
        return { kind: 'done' };
      }
    }
    const outcome = await uploadBlob(blob, deviceId, options.signal);
    // Stopped mid-upload (sign-out): the entry stays as it was, for next time.
    if (options.stopped()) return { kind: 'done' };
    if (outcome.ok) {
      await local.uploads.delete(upload.sha256);
      return { kind: 'done' };
    }
    if (isTransient(outcome)) {
      await local.uploads.update(upload.sha256, {
        attempts: upload.attempts + 1,
        nextTryAt: Date.now() + retryDelay(upload.attempts + 1, random()),
        lastError: outcome.message,
        failed: false,
      });
      return { kind: 'failed', failure: outcome };
    }
    return markFailed(upload, outcome.message);
  }

  async function markFailed(upload: QueuedUpload, message: string): Promise<PassOutcome> {
    await local.uploads.update(upload.sha256, {
      attempts: upload.attempts + 1,
      lastError: message,
      failed: true,
    });
    return { kind: 'refused', message };
  }

  return {
    kind: 'uploads',
    what: 'Files taken on this device could not be uploaded',
    unsynced: true,
    send,
    count: () => local.uploads.count(),
  };
}
