/**
 * The SHA-256 of a file's bytes in lowercase hex: the blob's address on the device and on the
 * server (shared/src/blobs/), so a capture can be told "already filed as …" before it is filed.
 * WebCrypto only: the same in a page, a worker and Node 20 or later.
 */
export async function sha256Hex(file: Blob | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = file instanceof Blob ? await file.arrayBuffer() : file;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
