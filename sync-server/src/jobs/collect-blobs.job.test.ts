import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import { openPostgresBlobStorage } from '../storage/blobs/postgres-blob-storage.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { createTestSchema, describePostgres } from '../storage/postgres/postgres-test-database.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import type { Store } from '../storage/store.ts';
import { createTempDir, patient, TEST_START } from '../test-support.ts';
import { BLOB_GRACE_MS, collectBlobsJob } from './collect-blobs.job.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const DAY = 24 * 60 * 60_000;
const later = (ms: number) => new Date(TEST_START.getTime() + ms);

type Opened = { store: Store; blobs: BlobStorage; cleanup: () => Promise<void> };

// The job removes files from whichever storage the server uses: the folder beside SQLite, the
// database with PostgreSQL (ADR 17).
describeCollection('SQLite, files in a folder', async () => {
  const dir = await createTempDir();
  return {
    store: openSqliteStore(`${dir.path}/clinicdesk.sqlite`, { now: TEST_START }),
    blobs: await openFsBlobStorage(`${dir.path}/blobs`),
    cleanup: dir.remove,
  };
});

describePostgres('collecting files on PostgreSQL', () => {
  describeCollection('PostgreSQL, files in the database', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 2 });
    const blobs = await openPostgresBlobStorage(schema.url, { clock: () => TEST_START });
    return { store, blobs, cleanup: schema.drop };
  });
});

function describeCollection(name: string, open: () => Promise<Opened>) {
  describe(`collecting files no record refers to (${name})`, () => {
    let store: Store;
    let blobs: BlobStorage;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, blobs, cleanup } = await open());
    });
    afterEach(async () => {
      await blobs.close();
      await store.close();
      await cleanup();
    });

    /** Stores a PNG-looking file and records its upload at `at`; its address. */
    async function upload(seed: number, at: Date): Promise<string> {
      const bytes = new Uint8Array(32).fill(seed);
      const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      await blobs.put(sha256, 'image/png', new Blob([bytes]).stream());
      await store.recordBlobUpload(sha256, 'user-1', at);
      return sha256;
    }

    it('removes a file no record ever referred to once its grace period is over, and only then', async () => {
      const orphan = await upload(1, TEST_START);
      const job = collectBlobsJob({ store, blobs });
      expect(await job.run(later(BLOB_GRACE_MS - DAY))).toBe(0);
      expect(await blobs.has(orphan)).not.toBeNull();
      expect(await job.run(later(BLOB_GRACE_MS + DAY))).toBe(1);
      expect(await blobs.has(orphan)).toBeNull();
      // Nothing is left to do, and a second run (another instance, say) removes nothing more.
      expect(await job.run(later(BLOB_GRACE_MS + DAY))).toBe(0);
    });

    it('keeps a file a record refers to, or one an earlier version of a record referred to', async () => {
      const photo = await upload(2, TEST_START);
      const old = await upload(3, TEST_START);
      const ref = (sha256: string) => ({ sha256, type: 'image/png' as const, size: 32 });
      const v1 = patient(1, { photo: ref(old) });
      await store.push('patients', [{ next: v1 }], WRITER, TEST_START);
      const v2 = { ...v1, photo: ref(photo), updatedAt: '2026-03-01T11:00:00.000Z' };
      await store.push('patients', [{ assumed: v1, next: v2 }], WRITER, TEST_START);
      expect(await collectBlobsJob({ store, blobs }).run(later(BLOB_GRACE_MS * 10))).toBe(0);
      expect(await blobs.has(photo)).not.toBeNull();
      // The old photo is in the record's history, which the server keeps (ADR 7).
      expect(await blobs.has(old)).not.toBeNull();
    });

    it('starts the grace period again when the file is uploaded again', async () => {
      const file = await upload(4, TEST_START);
      await store.recordBlobUpload(file, 'user-2', later(BLOB_GRACE_MS));
      expect(await collectBlobsJob({ store, blobs }).run(later(BLOB_GRACE_MS + DAY))).toBe(0);
      expect(await blobs.has(file)).not.toBeNull();
    });
  });
}
