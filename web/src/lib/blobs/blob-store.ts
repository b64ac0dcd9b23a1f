import { BLOB_MAX_BYTES, type BlobRef, sniffBlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { nowIso } from '../clock.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { downloadBlob } from './blob-api.ts';
import { forgetRefusedBlob, recheckCachedBlob } from './forget-blobs.ts';

export type StoreBlobError = {
  code: 'empty' | 'too-large' | 'unsupported-type';
  message: string;
};

export type BlobUnavailable = {
  /** `not-uploaded`: the device that took it has not uploaded it yet (or the server lost it). */
  code: 'offline' | 'not-uploaded' | 'damaged' | 'refused';
  message: string;
};

/**
 * Keeps a file on this device and queues it for upload, in one transaction: a file that is
 * stored is always either on the server or in the queue. Resolves once both are on disk, so the
 * caller may then point a document at the returned reference.
 */
export async function storeLocalBlob(
  local: LocalDatabase,
  file: Blob,
): Promise<Result<BlobRef, StoreBlobError>> {
  if (file.size === 0) return fail({ code: 'empty', message: 'The file is empty' });
  if (file.size > BLOB_MAX_BYTES)
    return fail({ code: 'too-large', message: 'The file is larger than 15 MB' });
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The bytes decide the type, never the file name or the type the browser guessed.
  const type = sniffBlobType(bytes);
  if (!type)
    return fail({
      code: 'unsupported-type',
      message: 'Only JPEG, PNG or WebP images and PDF files can be kept',
    });
  // Everything blobRefSchema asks is checked above (size, type) or true by construction (a
  // SHA-256 in hex); the schema itself stays off the app's first screen.
  const ref: BlobRef = { sha256: await sha256Hex(bytes), type, size: bytes.byteLength };

  await local.transaction('rw', local.blobs, local.uploads, async () => {
    await local.blobs.put({
      ...ref,
      data: new Blob([bytes], { type }),
      cachedAt: nowIso(),
    });
    // Already queued: the same bytes, so the queued upload covers this one too.
    if (!(await local.uploads.get(ref.sha256)))
      await local.uploads.add({
        sha256: ref.sha256,
        attempts: 0,
        nextTryAt: 0,
        lastError: null,
        failed: false,
      });
  });
  return ok(ref);
}

/**
 * An object URL for the file: from this device when it is here, else downloaded from the server
 * (then kept here, so it shows offline from then on). A file the server answers 403 or 404 for
 * leaves this device's cache (forget-blobs.ts). The caller must revoke the URL when it stops
 * showing it.
 */
export async function getBlobUrl(
  local: LocalDatabase,
  ref: BlobRef,
  deviceId: string,
): Promise<Result<string, BlobUnavailable>> {
  const cached = await local.blobs.get(ref.sha256);
  if (cached) {
    markBlobUsed(local, ref.sha256);
    // Shown at once; beside it, the server is asked whether this person may still read it.
    recheckCachedBlob(local, ref.sha256, deviceId).catch((error: unknown) =>
      console.error('ClinicDesk could not check a stored file with the server', error),
    );
    return ok(URL.createObjectURL(cached.data));
  }
  const kept = await keepBlobFromServer(local, ref, deviceId);
  return kept.ok ? ok(URL.createObjectURL(kept.value)) : kept;
}

/**
 * Notes that a file here was just opened: the keeper evicts the least recently used first. A
 * failure only makes it look older; nothing waits for it.
 */
export function markBlobUsed(local: LocalDatabase, sha256: string): void {
  local.blobs
    .update(sha256, { usedAt: nowIso() })
    .catch((error: unknown) => console.error('ClinicDesk could not note a file’s use', error));
}

/**
 * Downloads a file from the server and keeps it on this device (checked against the reference
 * first), answering its bytes. A file the server answers 403 or 404 for leaves this device's
 * cache (forget-blobs.ts).
 */
export async function keepBlobFromServer(
  local: LocalDatabase,
  ref: BlobRef,
  deviceId: string,
): Promise<Result<Blob, BlobUnavailable>> {
  const downloaded = await downloadBlob(ref.sha256, deviceId);
  if (!downloaded.ok) {
    if (downloaded.kind === 'network')
      return fail({ code: 'offline', message: 'The server cannot be reached' });
    // Not for this person (any more), or gone: a copy another tab kept meanwhile goes too.
    if (downloaded.status === 403 || downloaded.status === 404)
      await forgetRefusedBlob(local, ref.sha256);
    if (downloaded.status === 404)
      return fail({ code: 'not-uploaded', message: 'The file has not reached the server yet' });
    return fail({ code: 'refused', message: downloaded.message });
  }
  // The server is trusted with the bytes, not blindly: what is cached here must be what the
  // document points at.
  const bytes = new Uint8Array(await downloaded.value.arrayBuffer());
  if ((await sha256Hex(bytes)) !== ref.sha256 || sniffBlobType(bytes) !== ref.type)
    return fail({ code: 'damaged', message: 'The file arrived damaged' });
  const data = new Blob([bytes], { type: ref.type });
  const at = nowIso();
  await local.blobs.put({ ...ref, data, cachedAt: at, usedAt: at });
  return ok(data);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
