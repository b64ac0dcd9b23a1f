import { afterEach, beforeEach, expect, it } from 'vitest';
import { TEST_START } from '../../test-support.ts';
import { openPostgresStore } from '../postgres/postgres-store.ts';
import {
  createTestSchema,
  describePostgres,
  type TestSchema,
} from '../postgres/postgres-test-database.ts';
import { describeBlobStorageContract, pngOf, sha256Of, streamOf } from './blob-storage.contract.ts';
import type { BlobStorage } from './blob-storage.ts';
import { openPostgresBlobStorage } from './postgres-blob-storage.ts';

/** A migrated schema (the store migrates it, as main.ts opens the store first). */
async function migratedSchema(): Promise<TestSchema> {
  const schema = await createTestSchema();
  const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 1 });
  await store.close();
  return schema;
}

const open = (schema: TestSchema, chunkBytes?: number) =>
  openPostgresBlobStorage(schema.url, { clock: () => TEST_START, chunkBytes, maxConnections: 2 });

describePostgres('the PostgreSQL blob storage', () => {
  // Small chunks, so that every file in the contract is stored in several of them.
  describeBlobStorageContract('PostgreSQL', async () => {
    const schema = await migratedSchema();
    return {
      storage: await open(schema, 4096),
      another: () => open(schema, 4096),
      cleanup: schema.drop,
    };
  });

  let schema: TestSchema;
  let storage: BlobStorage;
  beforeEach(async () => {
    schema = await migratedSchema();
    storage = await open(schema, 1000);
  });
  afterEach(async () => {
    await storage.close();
    await schema.drop();
  });

  it('keeps a file as one row and its bytes in numbered chunks, which go with it', async () => {
    const file = pngOf(2500);
    const sha256 = sha256Of(file);
    await storage.put(sha256, 'image/png', streamOf(file.subarray(0, 10), file.subarray(10)));

    expect(await schema.query('SELECT sha256, type, size, chunks FROM blob_files')).toEqual([
      { sha256, type: 'image/png', size: 2500, chunks: 3 },
    ]);
    const chunks = await schema.query(
      'SELECT n, length(bytes) AS length FROM blob_chunks WHERE sha256 = $1 ORDER BY n',
      [sha256],
    );
    expect(chunks).toEqual([
      { n: 0, length: 1000 },
      { n: 1, length: 1000 },
      { n: 2, length: 500 },
    ]);

    await storage.remove(sha256);
    expect(await schema.query('SELECT count(*)::int AS n FROM blob_chunks')).toEqual([{ n: 0 }]);
  });

  it('ends a download with an error, not a shorter file, when the file is removed meanwhile', async () => {
    const file = pngOf(2500);
    const sha256 = sha256Of(file);
    await storage.put(sha256, 'image/png', streamOf(file));
    const blob = await storage.get(sha256);
    const reader = blob!.body.getReader();
    expect((await reader.read()).value?.byteLength).toBe(1000);

    await storage.remove(sha256);

    await expect(reader.read()).rejects.toThrow('removed while it was being read');
  });

  it('will not open on a database the store has not migrated', async () => {
    const bare = await createTestSchema();
    try {
      await expect(open(bare)).rejects.toThrow('open the store first');
    } finally {
      await bare.drop();
    }
  });
});
