import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { type BlobRef, type BlobType, SHA256_PATTERN } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { blobRefSchema } from '@clinicdesk/shared/blobs/blob-ref.schema.ts';
import type { BlobStorage, StoredBlob } from './blob-storage.ts';

/**
 * Blobs as files under `root`: the bytes at `ab/cd/<sha256>` and their reference (type, size)
 * beside them at `ab/cd/<sha256>.json`. Two levels of 256 folders keep any one folder small.
 *
 * Every file is written in `root/tmp`, flushed to disk, then renamed into place, and the folder
 * is flushed after the rename, so after a crash a blob is either whole or absent. The reference
 * goes into place first and the bytes last: the bytes' arrival is the commit point, and a
 * reference without bytes (a crash in between) counts as absent and is replaced by the next
 * upload.
 */
export async function openFsBlobStorage(root: string): Promise<BlobStorage> {
  const tmp = join(root, 'tmp');
  await mkdir(tmp, { recursive: true });
  // Uploads cut off by a crash or a restart; nothing is writing yet, so every one is stale.
  for (const name of await readdir(tmp)) await rm(join(tmp, name), { force: true });

  const bytesPath = (sha256: string) => {
    // The address becomes a path: never let anything but a digest near the filesystem.
    if (!SHA256_PATTERN.test(sha256)) throw new Error('A blob address must be a SHA-256 digest');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const refPath = (sha256: string) => `${bytesPath(sha256)}.json`;

  async function has(sha256: string): Promise<BlobRef | null> {
    const text = await readIfPresent(refPath(sha256));
    if (text === null) return null;
    const ref = blobRefSchema.safeParse(parseJson(text));
    if (!ref.success || ref.data.sha256 !== sha256) return null;
    const bytes = await statIfPresent(bytesPath(sha256));
    return bytes?.size === ref.data.size ? ref.data : null;
  }

  async function get(sha256: string): Promise<StoredBlob | null> {
    const ref = await has(sha256);
    if (!ref) return null;
    const handle = await open(bytesPath(sha256), 'r');
    // The Node stream closes the file when it ends or when the response is cancelled.
    const body: ReadableStream<Uint8Array> = Readable.toWeb(handle.createReadStream());
    return { ...ref, body };
  }

  async function put(sha256: string, type: BlobType, body: ReadableStream<Uint8Array>) {
    const existing = await has(sha256);
    if (existing) {
      await body.cancel();
      return { outcome: 'existed' as const, ref: existing };
    }
    const stagedBytes = join(tmp, randomUUID());
    const stagedRef = join(tmp, `${randomUUID()}.json`);
    try {
      const size = await writeDurably(stagedBytes, body);
      const ref: BlobRef = { sha256, type, size };
      const folder = dirname(bytesPath(sha256));
      await mkdirDurably(folder);
      await writeFile(stagedRef, JSON.stringify(ref), { flag: 'wx', mode: 0o600, flush: true });
      await rename(stagedRef, refPath(sha256));
      await fsyncFolder(folder);
      await rename(stagedBytes, bytesPath(sha256));
      await fsyncFolder(folder);
      return { outcome: 'created' as const, ref };
    } catch (error) {
      await rm(stagedBytes, { force: true });
      await rm(stagedRef, { force: true });
      throw error;
    }
  }

  async function remove(sha256: string): Promise<boolean> {
    const existed = (await statIfPresent(bytesPath(sha256))) !== null;
    await rm(bytesPath(sha256), { force: true });
    await rm(refPath(sha256), { force: true });
    await fsyncFolder(dirname(bytesPath(sha256))).catch(() => undefined);
    return existed;
  }

  return { has, get, put, remove, close: () => Promise.resolve() };
}

/** Writes the stream to a new file and flushes it to disk; the number of bytes written. */
async function writeDurably(path: string, body: ReadableStream<Uint8Array>): Promise<number> {
  const file = await open(path, 'wx', 0o600);
  try {
    let size = 0;
    for await (const chunk of body) {
      // A write may take only part of a chunk; the rest must follow, in order.
      for (let offset = 0; offset < chunk.byteLength;) {
        const { bytesWritten } = await file.write(chunk, offset);
        offset += bytesWritten;
      }
      size += chunk.byteLength;
    }
    await file.sync();
    return size;
  } finally {
    await file.close();
  }
}

/** Creates the folder and flushes every new folder's entry in its parent. */
async function mkdirDurably(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  for (let created = folder; ; created = dirname(created)) {
    await fsyncFolder(dirname(created));
    if (created === first) return;
  }
}

/** A rename is durable only once the folder holding the new name is flushed. */
async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function statIfPresent(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
