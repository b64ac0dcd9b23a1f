import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import type { ClinicDatabase } from '../db/database.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { blobIsOnServer } from './blob-api.ts';

/**
 * Blobs (stored files: photos, card scans) leave the device with the records that brought them
 * (issue 11, point 5). A blob is read through a record its reader may read (ADR 6, ADR 17): when
 * a role change purges a collection, the cached blobs that only its records referred to go too,
 * with any upload still waiting for them; a blob a record still on the device refers to stays,
 * and so does one no record refers to yet (a photo taken for a form not saved). Use
 * `beforePurge` as openClinicDatabase's hook, then `forget` once the purge is done.
 */
export function purgedBlobs() {
  const referenced = new Set<string>();
  return {
    beforePurge(_collection: CollectionName, documents: readonly unknown[]): Promise<void> {
      for (const document of documents)
        for (const sha256 of blobReferences(document)) referenced.add(sha256);
      return Promise.resolve();
    },
    /** Forgets the purged records' blobs that no record left on the device refers to. */
    async forget(local: LocalDatabase, db: ClinicDatabase): Promise<string[]> {
      if (referenced.size === 0) return [];
      return forgetBlobsOf(local, referenced, await documentsOn(db));
    },
  };
}

/**
 * Removes the blobs in `referenced` from the device's cache and upload queue, except those that
 * a document in `kept` refers to; the addresses it removed.
 */
export async function forgetBlobsOf(
  local: LocalDatabase,
  referenced: ReadonlySet<string>,
  kept: Iterable<unknown>,
): Promise<string[]> {
  const stillReferenced = new Set<string>();
  for (const document of kept) for (const sha256 of blobReferences(document)) stillReferenced.add(sha256); // prettier-ignore
  const gone = [...referenced].filter((sha256) => !stillReferenced.has(sha256)).sort();
  if (gone.length === 0) return [];
  await local.transaction('rw', local.blobs, local.uploads, async () => {
    await local.blobs.bulkDelete(gone);
    await local.uploads.bulkDelete(gone);
  });
  return gone;
}

async function documentsOn(db: ClinicDatabase): Promise<unknown[]> {
  const collections = Object.values(db.collections);
  const found = await Promise.all(collections.map((collection) => collection.find().exec()));
  return found.flat().map((document) => document.toJSON());
}

/**
 * The server answered a read of the file with 403 or 404: this person may not read it (any
 * more), or it is gone. The cached copy leaves the device, unless the file waits in this
 * device's upload queue, where 404 only means it has not been sent yet. True when it was removed.
 */
export function forgetRefusedBlob(local: LocalDatabase, sha256: string): Promise<boolean> {
  return local.transaction('rw', local.blobs, local.uploads, async () => {
    if (await local.uploads.get(sha256)) return false;
    return (await local.blobs.where('sha256').equals(sha256).delete()) > 0;
  });
}

/** Files checked with the server since the app started: each is asked about once. */
const checked = new Set<string>();

/**
 * Asks the server (HEAD: no bytes) whether this person may still read a file cached here, and
 * forgets it when the answer is 403 or 404 (see `forgetRefusedBlob`). Offline, or any other
 * answer, leaves it as it is. A cached file is shown at once; this runs beside it.
 */
export async function recheckCachedBlob(
  local: LocalDatabase,
  sha256: string,
  deviceId: string,
): Promise<boolean> {
  if (checked.has(sha256) || (await local.uploads.get(sha256))) return false;
  checked.add(sha256);
  const answer = await blobIsOnServer(sha256, deviceId, AbortSignal.timeout(30_000));
  const refused = answer.ok
    ? !answer.value
    : answer.kind === 'api' && (answer.status === 403 || answer.status === 404);
  if (!refused) {
    // Not an answer about the file (offline, a server error): ask again next time.
    if (!answer.ok) checked.delete(sha256);
    return false;
  }
  return forgetRefusedBlob(local, sha256);
}
