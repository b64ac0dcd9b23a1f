import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
import { merge, type Subscription } from 'rxjs';
import type { ClinicDatabase } from '../db/database.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { forgetBlobsOf } from './forget-blobs.ts';

/**
 * When a record leaves the device — deleted, withdrawn from the person's scope (a document
 * filed in a category they may not read), or destroyed under the retention schedule (ADR 15,
 * ADR 19) — the files only it referred to leave with it: the cached copy and any upload still
 * waiting for them. A file another record on the device still refers to stays. Runs in the tab
 * that syncs; the others see the same cache.
 */
export function forgetBlobsOnDelete(db: ClinicDatabase, local: LocalDatabase): Subscription {
  const collections = Object.values(db.collections);
  // One forgetting at a time, in the order the records left.
  let queue = Promise.resolve();
  return merge(...collections.map((collection) => collection.$)).subscribe((event) => {
    if (event.operation !== 'DELETE') return;
    const referenced = new Set(blobReferences(event.previousDocumentData));
    if (referenced.size === 0) return;
    queue = queue
      .then(async () => {
        const kept = await Promise.all(collections.map((c) => c.find().exec()));
        await forgetBlobsOf(
          local,
          referenced,
          kept.flat().map((doc) => doc.toJSON()),
        );
      })
      .catch((error: unknown) => console.error('ClinicDesk could not forget a file', error));
  });
}
