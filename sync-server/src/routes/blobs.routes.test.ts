import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_MAX_BYTES } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { PROTOCOL_HEADER } from '@clinicdesk/shared/sync/protocol.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import {
  addStaff,
  createTempDir,
  createTestServer,
  device,
  patient,
  signIn,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
let blobRoot: { path: string; remove: () => Promise<void> };
let headers: Record<string, string>;

beforeEach(async () => {
  blobRoot = await createTempDir();
  server = await createTestServer({ blobs: await openFsBlobStorage(blobRoot.path) });
  await addStaff(server, 'rosa');
  headers = device(server, await signIn(server, 'rosa')).headers;
});
afterEach(async () => {
  await server.close();
  await blobRoot.remove();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [...'%PDF-1.7\n'].map((char) => char.charCodeAt(0));

/** Bytes that start as a PNG does (all the server looks at), then a pattern `seed` varies. */
function pngBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function put(
  address: string,
  body: RequestInit['body'],
  init: { type?: string; extra?: RequestInit & { duplex?: 'half' } } = {},
) {
  return server.request(`/api/blobs/${address}`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': init.type ?? 'image/png' },
    body,
    ...init.extra,
  });
}

const get = (address: string, method: 'GET' | 'HEAD' = 'GET') =>
  server.request(`/api/blobs/${address}`, { method, headers });

/** Every file under the blob folder: what a failed upload must not have left. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(blobRoot.path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A body sent in chunks with no Content-Length, like a browser streaming an upload. */
function chunkedBody(chunks: number, chunkBytes: number) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      const chunk = pngBytes(chunkBytes, sent);
      sent++;
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe('PUT and GET /api/blobs/:sha256', () => {
  it('stores an upload and gives the same bytes back, kept out of every cache', async () => {
    const photo = pngBytes(40_000);
    const address = sha256(photo);

    const stored = await put(address, photo);
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ sha256: address, type: 'image/png', size: 40_000 });
    expect(stored.headers.get('location')).toBe(`/api/blobs/${address}`);

    const read = await get(address);
    expect(read.status).toBe(200);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(photo);
    expect(read.headers.get('content-type')).toBe('image/png');
    expect(read.headers.get('content-length')).toBe('40000');
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('content-disposition')).toBe(`inline; filename="${address}.png"`);
    expect(await storedFiles()).toHaveLength(2); // the bytes and their reference
  });

  it('answers HEAD with the headers only, so a device can check before uploading', async () => {
    const photo = pngBytes(1000);
    expect((await get(sha256(photo), 'HEAD')).status).toBe(404);
    await put(sha256(photo), photo);

    const head = await get(sha256(photo), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(await head.text()).toBe('');
  });

  it('sends a PDF as an attachment, never to be rendered inside the app', async () => {
    const scan = new Uint8Array([...PDF_SIGNATURE, ...pngBytes(500).subarray(8)]);
    expect((await put(sha256(scan), scan, { type: 'application/pdf' })).status).toBe(201);

    const read = await get(sha256(scan));
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('content-disposition')).toBe(
      `attachment; filename="${sha256(scan)}.pdf"`,
    );
  });

  it('answers 404 for a file nobody uploaded', async () => {
    const response = await get(sha256(pngBytes(10)));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('answers a repeated upload with 200 and leaves the stored file as it was', async () => {
    const photo = pngBytes(5000);
    const address = sha256(photo);
    expect((await put(address, photo)).status).toBe(201);
    const [bytesFile] = (await storedFiles()).filter((path) => path.endsWith(address));
    const before = await stat(bytesFile ?? '');

    const again = await put(address, photo);

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sha256: address, type: 'image/png', size: 5000 });
    const after = await stat(bytesFile ?? '');
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({
      ino: before.ino,
      mtimeMs: before.mtimeMs,
    });
    expect(await storedFiles()).toHaveLength(2);
  });

  it('stores a chunked upload that has no Content-Length', async () => {
    const { stream } = chunkedBody(3, 64 * 1024);
    const expected = new Uint8Array(await new Response(chunkedBody(3, 64 * 1024).stream).bytes());

    const response = await put(sha256(expected), stream, { extra: { duplex: 'half' } });

    expect(response.status).toBe(201);
    expect(new Uint8Array(await (await get(sha256(expected))).arrayBuffer())).toEqual(expected);
  });
});

describe('an upload that is refused stores nothing', () => {
  it('refuses bytes that do not hash to their address (400)', async () => {
    const photo = pngBytes(2000);
    const otherAddress = sha256(pngBytes(2000, 2));

    const response = await put(otherAddress, photo);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid-request',
        message: `The file's SHA-256 is ${sha256(photo)}, which does not match the address it was sent to`,
      },
    });
    expect(await storedFiles()).toEqual([]);
    expect((await get(otherAddress, 'HEAD')).status).toBe(404);
  });

  it('refuses an HTML page sent as image/png (415)', async () => {
    const page = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');

    const response = await put(sha256(page), page, { type: 'image/png' });

    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a PNG sent as a JPEG (415)', async () => {
    const photo = pngBytes(100);
    const response = await put(sha256(photo), photo, { type: 'image/jpeg' });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: {
        code: 'unsupported-media-type',
        message: "The file's content is image/png, but it was sent as image/jpeg",
      },
    });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a declared type it does not keep (415)', async () => {
    const page = new TextEncoder().encode('<p>hello</p>');
    const response = await put(sha256(page), page, { type: 'text/html' });
    expect(response.status).toBe(415);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a file over 15 MB by its Content-Length (413)', async () => {
    const huge = pngBytes(BLOB_MAX_BYTES + 1);

    const response = await put(sha256(huge), huge, {
      extra: {
        headers: {
          ...headers,
          'content-type': 'image/png',
          'content-length': String(huge.byteLength),
        },
      },
    });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect(await storedFiles()).toEqual([]);
  });

  it('stops reading a chunked upload without Content-Length once it passes 15 MB (413)', async () => {
    // 64 MiB on offer; the server must stop long before the end.
    const { stream, pulled } = chunkedBody(64, 1024 * 1024);

    const response = await put('a'.repeat(64), stream, { extra: { duplex: 'half' } });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload-too-large', message: 'A file can be at most 15 MB' },
    });
    expect(pulled.bytes).toBeLessThan(BLOB_MAX_BYTES + 4 * 1024 * 1024);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses an empty body (400)', async () => {
    const response = await put(sha256(new Uint8Array(0)), new Uint8Array(0));
    expect(response.status).toBe(400);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a stored file re-sent under another type (415) and keeps the original', async () => {
    const photo = pngBytes(300);
    await put(sha256(photo), photo);

    const response = await put(sha256(photo), photo, { type: 'image/webp' });

    expect(response.status).toBe(415);
    expect((await get(sha256(photo))).headers.get('content-type')).toBe('image/png');
  });
});

describe('who may use /api/blobs', () => {
  const photo = pngBytes(100);
  const address = sha256(photo);

  it.each(['GET', 'HEAD', 'PUT'] as const)('%s answers 401 without a session', async (method) => {
    if (method !== 'PUT') await put(address, photo);
    const { cookie: _cookie, ...withoutSession } = headers;

    const response = await server.request(`/api/blobs/${address}`, {
      method,
      headers: { ...withoutSession, 'content-type': 'image/png' },
      ...(method === 'PUT' ? { body: photo } : {}),
    });

    expect(response.status).toBe(401);
    if (method !== 'HEAD')
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    if (method === 'PUT') expect(await storedFiles()).toEqual([]);
  });

  it('answers 426 to an app that does not say which protocol it speaks', async () => {
    const { [PROTOCOL_HEADER]: _protocol, ...withoutProtocol } = headers;
    const response = await server.request(`/api/blobs/${address}`, {
      method: 'PUT',
      headers: { ...withoutProtocol, 'content-type': 'image/png' },
      body: photo,
    });
    expect(response.status).toBe(426);
    expect(await storedFiles()).toEqual([]);
  });

  it.each([
    ['upper-case hex', address.toUpperCase()],
    ['too short', address.slice(1)],
    ['not hex', 'g'.repeat(64)],
  ])('answers 400 to an address that is %s', async (_what, bad) => {
    const read = await get(bad);
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect((await put(bad, photo)).status).toBe(400);
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses an address that spells a path before any route sees it', async () => {
    const bad = '..%2F..%2Fclinicdesk.sqlite';
    expect((await get(bad)).status).toBe(404);
    expect((await put(bad, photo)).status).toBe(404);
    expect(await storedFiles()).toEqual([]);
  });
});

// Issue 11, point 5: a file is read through the records that refer to it.
describe('files by reference', () => {
  it('lets only those who may read a record referring to a file read it, and its uploader', async () => {
    const bytes = pngBytes(2_000, 7);
    const address = sha256(bytes);
    expect((await put(address, bytes)).status).toBe(201);
    // Another front desk, and an administrator (who reads no patient records).
    await addStaff(server, 'sam');
    const sam = device(server, await signIn(server, 'sam'));
    await addStaff(server, 'ada', 'admin');
    const admin = device(server, await signIn(server, 'ada'));
    const read = (who: { headers: Record<string, string> }) =>
      server.request(`/api/blobs/${address}`, { headers: who.headers });

    // No record refers to it yet: its uploader reads it back; nobody else learns it exists.
    expect((await get(address)).status).toBe(200);
    expect((await read(sam)).status).toBe(404);
    expect((await get(address, 'HEAD')).status).toBe(200);

    // A patient's photo refers to it: every role that reads patients may read it.
    const withPhoto = patient(1, { photo: { sha256: address, type: 'image/png', size: 2_000 } });
    const pushed = await device(server, headers.cookie ?? '').push('patients', [
      { newDocumentState: withPhoto },
    ]);
    expect(await pushed.json()).toMatchObject({ conflicts: [], rejected: [] });
    expect((await read(sam)).status).toBe(200);
    expect((await read(admin)).status).not.toBe(200);

    // The photo is taken off the record: the file is no longer read through it.
    const { photo: _removed, ...without } = withPhoto;
    await device(server, headers.cookie ?? '').push('patients', [
      { assumedMasterState: withPhoto, newDocumentState: { ...without, updatedAt: '2026-03-01T11:00:00.000Z' } }, // prettier-ignore
    ]);
    expect((await read(sam)).status).toBe(404);
    expect((await get(address)).status).toBe(200);
  });
});
