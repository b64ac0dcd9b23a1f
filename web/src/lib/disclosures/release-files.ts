import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { getBlobUrl } from '../blobs/blob-store.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { deviceId } from '../session/device.ts';

/**
 * A filed document's file for a release package: from this device when it is here (offline
 * too), else from the server (then kept here). Its bytes, or why it cannot be had now.
 */
export async function fileBytes(
  local: LocalDatabase,
  ref: BlobRef,
): Promise<Result<Uint8Array, string>> {
  const cached = await local.blobs.get(ref.sha256);
  if (cached) return ok(new Uint8Array(await cached.data.arrayBuffer()));
  const url = await getBlobUrl(local, ref, deviceId());
  if (!url.ok)
    return fail(
      url.error.code === 'offline'
        ? 'its file is not on this device and the server cannot be reached'
        : url.error.message.toLowerCase(),
    );
  URL.revokeObjectURL(url.value);
  const kept = await local.blobs.get(ref.sha256);
  return kept
    ? ok(new Uint8Array(await kept.data.arrayBuffer()))
    : fail('its file could not be kept on this device');
}

/** The SHA-256 of bytes, in lowercase hex (what a disclosure records of its package). */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', copy));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Hands bytes to the browser as a file to save. */
export function downloadBytes(filename: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
