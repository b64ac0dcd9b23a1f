import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { api, syncHeaders } from '../api/client.ts';
import { type ApiFailure, type ApiOutcome, failureOf, requestJson } from '../api/http.ts';
import type { LocalBlob } from '../db/local-db.ts';

const UNREACHABLE: ApiFailure = {
  ok: false,
  kind: 'network',
  message: 'The server cannot be reached',
};

/** A file by its address; its requests say who asks and which protocol they speak (syncHeaders). */
const file = api.blobs[':sha256'];

/** Sends a file to the server; storing one the server already has is a no-op there. */
export function uploadBlob(
  blob: LocalBlob,
  deviceId: string,
  signal: AbortSignal,
): Promise<ApiOutcome<BlobRef>> {
  return requestJson(() =>
    file.$put(
      { param: { sha256: blob.sha256 } },
      {
        headers: { ...syncHeaders(deviceId), 'content-type': blob.type },
        // The file's own bytes, not JSON.
        init: { body: blob.data, signal },
      },
    ),
  );
}

/** Whether the server already has the file (a HEAD request: no bytes either way). */
export async function blobIsOnServer(
  sha256: string,
  deviceId: string,
  signal: AbortSignal,
): Promise<ApiOutcome<boolean>> {
  let response: Awaited<ReturnType<typeof file.$get>>;
  try {
    // The server answers HEAD with the GET route (Hono does), so the client has no `$head`.
    response = await file.$get(
      { param: { sha256 } },
      { headers: { ...syncHeaders(deviceId), accept: '*/*' }, init: { method: 'HEAD', signal } },
    );
  } catch {
    return UNREACHABLE;
  }
  if (response.ok) return { ok: true, value: true };
  if (response.status === 404) return { ok: true, value: false };
  return failureOf(response);
}

/** A file's bytes from the server, exactly as stored (the caller checks them against the ref). */
export async function downloadBlob(sha256: string, deviceId: string): Promise<ApiOutcome<Blob>> {
  let response: Awaited<ReturnType<typeof file.$get>>;
  try {
    response = await file.$get(
      { param: { sha256 } },
      { headers: { ...syncHeaders(deviceId), accept: '*/*' } },
    );
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
