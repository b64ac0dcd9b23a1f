/** Issue #5 point 6 (SRV-23, SRV-29): security headers everywhere, CORS, foreign origins. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaff,
  created,
  createTempDir,
  createTestServer,
  device,
  patient,
  signIn,
  TEST_PASSWORD,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
let site: Awaited<ReturnType<typeof createTempDir>>;
let cookie: string;

beforeAll(async () => {
  site = await createTempDir();
  await mkdir(join(site.path, '_app', 'immutable'), { recursive: true });
  await writeFile(join(site.path, 'index.html'), '<!doctype html><title>ClinicDesk</title>');
  await writeFile(join(site.path, 'favicon.svg'), '<svg/>');
  await writeFile(join(site.path, '_app', 'immutable', 'start.abc.js'), 'export {};');
  await mkdir(join(site.path, 'ocr', 'engine'), { recursive: true });
  await writeFile(join(site.path, 'ocr', 'engine', 'worker.min.js'), 'self.onmessage = null;');
  // As deployed behind TLS: SECURE_COOKIES=true also turns HSTS on.
  server = await createTestServer({ staticRoot: site.path, secureCookies: true });
  await addStaff(server, 'rosa');
  cookie = await signIn(server, 'rosa');
});
afterAll(async () => {
  await server.close();
  await site.remove();
});

const HOST = { host: 'clinic.example' };

describe('security headers on every kind of response', () => {
  it.each([
    ['the HTML shell', '/', {}],
    ['a deep link', '/patients/new', {}],
    ['a static file', '/favicon.svg', {}],
    ['a hashed asset', '/_app/immutable/start.abc.js', {}],
    ['an API answer', '/api/health', {}],
    ['an API refusal', '/api/sync/v1/patients/pull', {}],
    ['an unknown API path', '/api/nope', {}],
  ])('%s', async (_what, path, headers) => {
    const response = await server.request(path, { headers });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('WebAssembly only for text recognition', () => {
  const scriptSrc = async (path: string) =>
    /script-src ([^;]*)/.exec(
      (await server.request(path)).headers.get('content-security-policy') ?? '',
    )?.[1] ?? '';

  it('lets the recognition worker compile its engine, and nothing else evaluate code', async () => {
    const worker = await scriptSrc('/ocr/engine/worker.min.js');
    expect(worker.split(' ')).toContain("'wasm-unsafe-eval'");
    expect(worker.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
  });

  it('keeps WebAssembly out of the app shell and its scripts', async () => {
    for (const path of ['/', '/_app/immutable/start.abc.js', '/api/health'])
      expect(await scriptSrc(path)).not.toContain('wasm');
  });
});

describe('CORS: only the app’s own origin', () => {
  it('gives a foreign page no CORS allowance, even on a preflight', async () => {
    const preflight = await server.request('/api/sync/v1/patients/push', {
      method: 'OPTIONS',
      headers: {
        ...HOST,
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const read = await server.request('/api/auth/session', {
      headers: { ...HOST, cookie, origin: 'https://evil.example' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin "null"', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a state-changing request with %s, and stores nothing', async (_what, foreign) => {
    const sync = device(server, cookie);
    const doc = patient(900 + Object.keys(foreign).length + String(foreign).length);
    const push = await server.request('/api/sync/v1/patients/push', {
      method: 'POST',
      headers: { ...sync.headers, ...HOST, ...foreign, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [created(doc)] }),
    });
    expect(push.status).toBe(403);
    expect((await server.store.pull('patients', 0, 1000)).documents).toEqual([]);
    const login = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { ...HOST, ...foreign, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'rosa',
        password: TEST_PASSWORD,
        deviceId: crypto.randomUUID(),
      }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
  });

  it('accepts the same request from the app’s own origin (also behind a TLS proxy)', async () => {
    const sync = device(server, cookie);
    const response = await server.request('/api/sync/v1/patients/push', {
      method: 'POST',
      headers: {
        ...sync.headers,
        ...HOST,
        origin: 'https://clinic.example',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ rows: [created(patient(1))] }),
    });
    expect(response.status).toBe(200);
  });
});
