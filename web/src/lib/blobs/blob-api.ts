import type { BlobRef } from '@clinicdesk/shared/files/blob-ref.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { type ApiFailure, type ApiOutcome, failureOf, requestJson } from '../api/http.ts';
import type { LocalBlob } from '../db/local-db.ts';

const BLOBS_PATH = '/api/blobs';

const UNREACHABLE: ApiFailure = {
  ok: false,
  kind: 'network',
  message: 'The server cannot be reached',
};

/** Blob requests say who is asking and which protocol they speak, like sync requests. */
function clientHeaders(deviceId: string): Record<string, string> {
  return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: deviceId };
}

/** Sends a file to the server; storing one the server already has is a no-op there. */
export function uploadBlob(
  blob: LocalBlob,
  deviceId: string,
  signal: AbortSignal,
): Promise<ApiOutcome<BlobRef>> {
  return requestJson<BlobRef>(`${BLOBS_PATH}/${blob.sha256}`, {
    method: 'PUT',
    body: blob.data,
    headers: { ...clientHeaders(deviceId), 'content-type': blob.type },
    signal,
  });
}

/** Whether the server already has the file (a HEAD request: no bytes either way). */
export async function blobIsOnServer(
  sha256: string,
  deviceId: string,
  signal: AbortSignal,
): Promise<ApiOutcome<boolean>> {
  let response: Response;
  try {
    response = await fetch(`${BLOBS_PATH}/${sha256}`, {
      method: 'HEAD',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: clientHeaders(deviceId),
      signal,
    });
  } catch {
    return UNREACHABLE;
  }
  if (response.ok) return { ok: true, value: true };
  if (response.status === 404) return { ok: true, value: false };
  return failureOf(response);
}

/** A file's bytes from the server, exactly as stored (the caller checks them against the ref). */
export async function downloadBlob(sha256: string, deviceId: string): Promise<ApiOutcome<Blob>> {
  let response: Response;
  try {
    response = await fetch(`${BLOBS_PATH}/${sha256}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: clientHeaders(deviceId),
    });
  } catch {
    return UNREACHABLE;
  }
  if (!response.ok) return failureOf(response);
  try {
    return { ok: true, value: await response.blob() };
  } catch {
    // A download cut off halfway is a broken link, not a server verdict.
    return UNREACHABLE;
  }
}
