import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256_PATTERN } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { createBlobService } from '../../services/blob.service.ts';
import type { BlobStorage } from './blob-storage.ts';
import { openFsBlobStorage } from './fs-blob-storage.ts';

export type FolderMove = {
  moved: number;
  /** Files left in the folder: their bytes do not check out (see the blob service). */
  refused: { sha256: string; message: string }[];
};

/**
 * Moves the files a folder holds (`DATA_DIR/blobs`, where a server on PostgreSQL kept them
 * before migration 0013) into `into`, so that records stored then still show their photos.
 * Each file goes through the blob service's checks as an upload would, is removed from the
 * folder only once it is stored, and one that does not check out stays where it is. Safe to run
 * on every start and on several instances at once: a file stored already is simply removed here.
 */
export async function moveFolderBlobs(root: string, into: BlobStorage): Promise<FolderMove> {
  const result: FolderMove = { moved: 0, refused: [] };
  if (!existsSync(root)) return result;
  const folder = await openFsBlobStorage(root);
  const service = createBlobService({ storage: into });
  for (const sha256 of await addressesIn(root)) {
    const blob = await folder.get(sha256);
    if (!blob) continue;
    const stored = await service.put({ sha256, type: blob.type, body: blob.body });
    if (!stored.ok) {
      result.refused.push({ sha256, message: stored.error.message });
      continue;
    }
    await folder.remove(sha256);
    result.moved++;
  }
  return result;
}

/** The addresses under `root/ab/cd/`, in no particular order. */
async function addressesIn(root: string): Promise<string[]> {
  const addresses: string[] = [];
  for (const first of await readdir(root)) {
    if (!/^[0-9a-f]{2}$/.test(first)) continue;
    for (const second of await readdir(join(root, first))) {
      if (!/^[0-9a-f]{2}$/.test(second)) continue;
      for (const name of await readdir(join(root, first, second)))
        if (SHA256_PATTERN.test(name) && name.startsWith(first + second)) addresses.push(name);
    }
  }
  return addresses;
}
