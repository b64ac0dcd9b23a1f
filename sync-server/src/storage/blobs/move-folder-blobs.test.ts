import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir } from '../../test-support.ts';
import { pngOf, sha256Of, streamOf } from './blob-storage.contract.ts';
import type { BlobStorage } from './blob-storage.ts';
import { openFsBlobStorage } from './fs-blob-storage.ts';
import { moveFolderBlobs } from './move-folder-blobs.ts';

let dir: { path: string; remove: () => Promise<void> };
let target: BlobStorage;
beforeEach(async () => {
  dir = await createTempDir();
  // Any storage will do as the target; the server moves into PostgreSQL's.
  target = await openFsBlobStorage(join(dir.path, 'target'));
});
afterEach(() => dir.remove());

const bytesOf = async (storage: BlobStorage, sha256: string) =>
  new Uint8Array(await new Response((await storage.get(sha256))?.body).arrayBuffer());

describe('moving the files of a folder into another storage', () => {
  it('moves each file that checks out, and leaves a damaged one where it is', async () => {
    const root = join(dir.path, 'blobs');
    const folder = await openFsBlobStorage(root);
    const [photo, card, damaged] = [pngOf(3000, 1), pngOf(5000, 2), pngOf(4000, 3)];
    for (const file of [photo, card, damaged])
      await folder.put(sha256Of(file), 'image/png', streamOf(file));
    // Bit rot on disk: the same size, other bytes.
    const rotten = sha256Of(damaged);
    await writeFile(join(root, rotten.slice(0, 2), rotten.slice(2, 4), rotten), pngOf(4000, 4));

    const moved = await moveFolderBlobs(root, target);

    expect(moved.moved).toBe(2);
    expect(moved.refused).toEqual([{ sha256: rotten, message: expect.stringContaining('SHA-256') }]); // prettier-ignore
    expect(await bytesOf(target, sha256Of(photo))).toEqual(photo);
    expect(await bytesOf(target, sha256Of(card))).toEqual(card);
    expect(await target.has(rotten)).toBeNull();
    expect(await folder.has(sha256Of(photo))).toBeNull();
    expect(await folder.has(rotten)).not.toBeNull();

    // The next start finds only the damaged file, and moves nothing.
    expect((await moveFolderBlobs(root, target)).moved).toBe(0);
  });

  it('does nothing, and creates no folder, where there is none', async () => {
    const root = join(dir.path, 'never-used');
    expect(await moveFolderBlobs(root, target)).toEqual({ moved: 0, refused: [] });
    expect(existsSync(root)).toBe(false);
  });
});
