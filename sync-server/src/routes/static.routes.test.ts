import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDir, createTestServer, type TestServer } from '../test-support.ts';

const START_SCRIPT = '\n  import("/_app/immutable/start.abc123.js");\n';
const SHELL = `<!doctype html><title>ClinicDesk</title><script>${START_SCRIPT}</script>`;
let server: TestServer;
let site: Awaited<ReturnType<typeof createTempDir>>;

beforeEach(async () => {
  site = await createTempDir();
  await mkdir(join(site.path, '_app', 'immutable'), { recursive: true });
  await writeFile(join(site.path, 'index.html'), SHELL);
  await writeFile(join(site.path, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(site.path, 'manifest.webmanifest'), '{"name":"ClinicDesk"}');
  await writeFile(join(site.path, 'favicon.svg'), '<svg/>');
  await writeFile(join(site.path, '_app', 'immutable', 'start.abc123.js'), 'export {};');
  server = await createTestServer({ staticRoot: site.path });
});
afterEach(async () => {
  await server.close();
  await site.remove();
});

describe('serving the web app', () => {
  it.each([
    ['/', SHELL],
    ['/index.html', SHELL],
    ['/sw.js', 'self.addEventListener("fetch", () => {});'],
    ['/manifest.webmanifest', '{"name":"ClinicDesk"}'],
  ])('serves %s for revalidation on every load', async (path, body) => {
    const response = await server.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(body);
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await server.request('/_app/immutable/start.abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('javascript');
  });

  it('answers a deep link with the app shell', async () => {
    const response = await server.request('/patients/0195a0c4-1111-7000-8000-000000000001');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(SHELL);
  });

  it('answers a missing hashed asset with 404, not the shell', async () => {
    const response = await server.request('/_app/immutable/gone.old999.js');
    expect(response.status).toBe(404);
  });

  it('keeps /api/ out of the fallback: an unknown API path is a JSON 404', async () => {
    const response = await server.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not-found', message: 'Not found' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('never serves a file outside the root', async () => {
    const response = await server.request('/..%2f..%2fetc%2fpasswd');
    expect(await response.text()).toBe(SHELL);
  });

  it('sends the security headers with every page', async () => {
    const response = await server.request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    // The shell's inline start script, and no other, is allowed by its hash.
    const hash = createHash('sha256').update(START_SCRIPT).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the API alone', () => {
  it('reports health without a session and without version details', async () => {
    const response = await server.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers every path with a JSON 404 when there is no web app to serve', async () => {
    const apiOnly = await createTestServer();
    try {
      const response = await apiOnly.request('/patients');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
    } finally {
      await apiOnly.close();
    }
  });
});
