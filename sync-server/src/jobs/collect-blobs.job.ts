import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import type { Store } from '../storage/store.ts';
import type { Job } from './job-runner.ts';

/** A file uploaded but referred to by no record is kept this long first (a record on its way). */
export const BLOB_GRACE_MS = 7 * 24 * 60 * 60_000;
const EVERY_MS = 6 * 60 * 60_000;
/** Files removed per run at most, so one run never holds the server long. */
const BATCH = 200;

/**
 * Collects the files no stored record refers to — neither a record's current state nor any
 * version the server keeps — once their last upload is older than the grace period (issue 11,
 * point 5). A file sent just before its record, or a scan a device is still filing, is never
 * collected: its record refers to it within the grace period, or it is uploaded again.
 */
export function collectBlobsJob(deps: { store: Store; blobs: BlobStorage; graceMs?: number }): Job {
  const graceMs = deps.graceMs ?? BLOB_GRACE_MS;
  return {
    name: 'collect-unreferenced-files',
    everyMs: EVERY_MS,
    async run(now) {
      const cutoff = new Date(now.getTime() - graceMs);
      let removed = 0;
      for (;;) {
        const candidates = await deps.store.unreferencedBlobs(cutoff, BATCH);
        if (candidates.length === 0) return removed;
        for (const sha256 of candidates) {
          await deps.blobs.remove(sha256);
          await deps.store.forgetBlobUploads(sha256);
          removed++;
        }
        if (candidates.length < BATCH) return removed;
      }
    },
  };
}
