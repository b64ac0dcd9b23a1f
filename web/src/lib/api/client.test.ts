/**
 * The typed client sends what the hand-written requests sent (issue 11, point 8): the same
 * paths, headers, cookies policy and bodies, and `requestJson` still never throws — replication
 * finishes every push it starts on that promise (replication.ts).
 */
import { PROTOCOL_VERSION } from '@clinicdesk/shared/sync/protocol.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobIsOnServer, downloadBlob, uploadBlob } from '../blobs/blob-api.ts';
import { fetchPatientHistory } from '../charts/chart-api.ts';
import { openLiveStream } from '../sync/live-stream.ts';
import { login, logout } from './auth.api.ts';
import type { api } from './client.ts';
import { apiClient } from './client.ts';
import { requestJson } from './http.ts';
import { changeStaff } from './staff.api.ts';

const DEVICE = '0195a0c4-5555-7000-8000-000000000001';
const SHA = 'ab'.repeat(32);

type Sent = { url: string; method: string; headers: Headers; init: RequestInit };

let sent: Sent[];
let answer: () => Response | Promise<Response>;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

beforeEach(() => {
  sent = [];
  answer = () => json({ ok: true });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      init,
    });
    return answer();
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function only(): Sent {
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

describe('requests go out as before', () => {
  it('sends JSON to the same origin with its cookies, never from a cache', async () => {
    answer = () => json({ user: { id: 'u1' } });
    await login('rosa', 'correct horse', DEVICE);
    const request = only();
    expect(request.url).toBe('/api/auth/login');
    expect(request.method).toBe('POST');
    expect(request.init.credentials).toBe('same-origin');
    expect(request.init.cache).toBe('no-store');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(request.init.body))).toEqual({
      username: 'rosa',
      password: 'correct horse',
      deviceId: DEVICE,
    });
  });

  it('sends an empty JSON object where a route takes no body', async () => {
    await logout();
    expect(only().init.body).toBe('{}');
  });

  it('puts a path parameter into the path and the body beside it', async () => {
    answer = () => json({ account: {} });
    await changeStaff(DEVICE, { active: false });
    const request = only();
    expect(request.url).toBe(`/api/staff/${DEVICE}`);
    expect(request.method).toBe('PATCH');
    expect(JSON.parse(String(request.init.body))).toEqual({ active: false });
  });

  it('sends the protocol version and device id with sync and patient requests', async () => {
    answer = () => json({ entries: [], conflicts: {} });
    await fetchPatientHistory(DEVICE, 'a/b c');
    const request = only();
    // A path segment, encoded: an id can never reach another route.
    expect(request.url).toBe('/api/charts/a%2Fb%20c/history');
    expect(request.headers.get('x-clinicdesk-protocol')).toBe(String(PROTOCOL_VERSION));
    expect(request.headers.get('x-clinicdesk-device')).toBe(DEVICE);
  });

  it('prefixes the server address and uses the fetch a simulated device passes', async () => {
    const own = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      json({ checkpoint: { seq: 0 }, documents: [] }),
    );
    const client = apiClient({ baseUrl: 'http://127.0.0.1:9999', fetch: own });
    await client.sync.v1[':collection'].pull.$get({
      param: { collection: 'patients' },
      query: { since: '12', limit: '1000' },
    });
    expect(own).toHaveBeenCalledOnce();
    expect(String(own.mock.calls[0]![0])).toBe(
      'http://127.0.0.1:9999/api/sync/v1/patients/pull?since=12&limit=1000',
    );
    expect(sent).toEqual([]);
  });
});

describe('blobs', () => {
  const blob = {
    sha256: SHA,
    type: 'image/png',
    size: 3,
    data: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
  };

  it('uploads the bytes themselves with their type', async () => {
    answer = () => json({ sha256: SHA, type: 'image/png', size: 3 }, 201);
    const outcome = await uploadBlob(
      blob as Parameters<typeof uploadBlob>[0],
      DEVICE,
      new AbortController().signal,
    );
    expect(outcome).toEqual({ ok: true, value: { sha256: SHA, type: 'image/png', size: 3 } });
    const request = only();
    expect(request.url).toBe(`/api/blobs/${SHA}`);
    expect(request.method).toBe('PUT');
    expect(request.headers.get('content-type')).toBe('image/png');
    expect(request.headers.get('x-clinicdesk-device')).toBe(DEVICE);
    expect(request.init.body).toBe(blob.data);
  });

  it('asks with HEAD whether the server has a file, and takes 404 for no', async () => {
    answer = () => json({ error: { code: 'not-found', message: 'There is no file' } }, 404);
    const outcome = await blobIsOnServer(SHA, DEVICE, new AbortController().signal);
    expect(outcome).toEqual({ ok: true, value: false });
    const request = only();
    expect(request.method).toBe('HEAD');
    expect(request.url).toBe(`/api/blobs/${SHA}`);
    expect(request.init.body).toBeUndefined();
  });

  it('downloads the bytes as stored', async () => {
    answer = () =>
      new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/png' } });
    const outcome = await downloadBlob(SHA, DEVICE);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(new Uint8Array(await outcome.value.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(only().method).toBe('GET');
  });
});

describe('the live stream', () => {
  it('names the protocol and device in the query and hears a refusal as such', async () => {
    answer = () =>
      json({ error: { code: 'update-required', message: 'This version is out of date' } }, 426);
    const down = Promise.withResolvers<unknown>();
    const stream = openLiveStream(DEVICE, {
      onOpen: () => {},
      onEvent: () => {},
      onDown: down.resolve,
    });
    const problem = await down.promise;
    stream.close();
    expect(problem).toMatchObject({ kind: 'api', status: 426, code: 'update-required' });
    const request = sent[0]!;
    expect(request.url).toBe(`/api/sync/v1/stream?protocol=${PROTOCOL_VERSION}&device=${DEVICE}`);
    expect(request.headers.get('accept')).toBe('text/event-stream');
    expect(request.headers.get('x-clinicdesk-device')).toBe(DEVICE);
    expect(request.init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('requestJson never throws', () => {
  it('takes a request that cannot be sent for being offline', async () => {
    const outcome = await requestJson(() => Promise.reject(new TypeError('fetch failed')));
    expect(outcome).toEqual({
      ok: false,
      kind: 'network',
      message: 'The server cannot be reached',
    });
  });

  it('takes a call that throws before sending for being offline too', async () => {
    const outcome = await requestJson((): ReturnType<typeof api.auth.logout.$post> => {
      throw new TypeError('Failed to construct Request');
    });
    expect(outcome).toMatchObject({ ok: false, kind: 'network' });
  });

  it('takes a gateway error or a cut-off answer for being offline', async () => {
    answer = () => new Response('Bad gateway', { status: 502 });
    expect(await logout()).toMatchObject({ ok: false, kind: 'network' });
    answer = () => new Response('{"ok":', { status: 200 });
    expect(await logout()).toMatchObject({ ok: false, kind: 'network' });
  });

  it("gives the server's error code and message", async () => {
    answer = () =>
      json(
        {
          error: {
            code: 'invalid-credentials',
            message: 'That username and password do not match',
          },
        },
        401,
      );
    expect(await login('rosa', 'wrong', DEVICE)).toEqual({
      ok: false,
      kind: 'api',
      status: 401,
      code: 'invalid-credentials',
      message: 'That username and password do not match',
    });
  });
});
