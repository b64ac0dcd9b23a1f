import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_LIFETIME } from '../services/auth.service.ts';
import { sha256Hex } from '../storage/document-hash.ts';
import {
  addStaff,
  createTestServer,
  signIn,
  TEST_PASSWORD,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa', 'billing');
});
afterEach(() => server.close());

const DEVICE = '0195a0c4-1111-7000-8000-000000000001';
/** A sign-in from DEVICE, as the app sends it, unless the body says otherwise. */
const login = (body: object, headers: Record<string, string> = {}) =>
  server.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(Array.isArray(body) ? body : { deviceId: DEVICE, ...body }),
  });
const session = (cookie?: string) =>
  server.request('/api/auth/session', { headers: cookie ? { cookie } : {} });
const logout = (cookie?: string) =>
  server.request('/api/auth/logout', { method: 'POST', headers: cookie ? { cookie } : {} });

describe('sign in', () => {
  it('returns the user and sets an HttpOnly, SameSite=Strict session cookie for 12 hours', async () => {
    const response = await login({ username: 'rosa', password: TEST_PASSWORD });

    expect(response.status).toBe(200);
    const rosa = await server.store.findUserByUsername('rosa');
    expect(await response.json()).toEqual({
      user: { id: rosa?.id, username: 'rosa', displayName: 'Test rosa', role: 'billing' },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cd_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${SESSION_LIFETIME.absoluteMs / 1000}`);
    expect(cookie).not.toContain('Secure');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('ignores the case of the username', async () => {
    expect((await login({ username: 'ROSA', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('marks the cookie Secure when the server is told it is behind HTTPS', async () => {
    const secure = await createTestServer({ secureCookies: true });
    try {
      await addStaff(secure, 'rosa');
      const response = await secure.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'rosa', password: TEST_PASSWORD, deviceId: DEVICE }),
      });
      expect(response.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('gives the same answer for a wrong password, an unknown user and a switched-off account', async () => {
    const wrongPassword = await login({ username: 'rosa', password: 'not the password' });
    const unknownUser = await login({ username: 'nobody', password: TEST_PASSWORD });

    const expected = {
      error: { code: 'invalid-credentials', message: 'That username and password do not match' },
    };
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toEqual(expected);
    }
  });

  it('refuses an inactive account with the same answer', async () => {
    await server.store.createUser({
      id: 'retired-user',
      username: 'lee',
      displayName: 'Lee',
      role: 'clinician',
      passwordHash: (await server.store.findUserByUsername('rosa'))!.passwordHash,
      active: false,
      createdAt: server.clock.now(),
      demoAccount: false,
    });
    const response = await login({ username: 'lee', password: TEST_PASSWORD });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-credentials' } });
  });

  it.each([
    ['no body fields', {}],
    ['a number as username', { username: 7, password: TEST_PASSWORD }],
    ['an empty password', { username: 'rosa', password: '' }],
    ['an overlong username', { username: 'r'.repeat(101), password: TEST_PASSWORD }],
    ['a malformed device id', { username: 'rosa', password: TEST_PASSWORD, deviceId: 'tablet-1' }],
    // A session is bound to one device for good, so a sign-in must say which.
    ['no device id', { username: 'rosa', password: TEST_PASSWORD, deviceId: undefined }],
  ])('refuses %s with 400', async (_, body) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('refuses a form post with 415 and an oversized body with 413', async () => {
    const form = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=rosa&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    expect(form.status).toBe(415);
    const huge = await login({ username: 'rosa', password: 'x'.repeat(17 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('keeps only a hash of the session token on the server', async () => {
    const cookie = await signIn(server, 'rosa');
    const token = cookie.slice('cd_session='.length);
    expect(await server.store.findSession(token)).toBeNull();
    expect(await server.store.findSession(sha256Hex(token))).not.toBeNull();
  });
});

describe('session and sign out', () => {
  it('tells a signed-in browser who it is, and a signed-out one 401', async () => {
    const cookie = await signIn(server, 'rosa');
    const response = await session(cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { username: 'rosa', role: 'billing' } });

    const anonymous = await session();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('ends the session on sign out and clears the cookie', async () => {
    const cookie = await signIn(server, 'rosa');
    const response = await logout(cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^cd_session=;.*Max-Age=0/);
    // The old cookie, if kept somewhere, no longer works.
    expect((await session(cookie)).status).toBe(401);
  });

  it('signs out without a session too', async () => {
    expect((await logout()).status).toBe(200);
  });

  it('keeps an active session alive past the idle limit, and ends an idle one', async () => {
    const cookie = await signIn(server, 'rosa');
    server.clock.advance(SESSION_LIFETIME.idleMs - 1000);
    expect((await session(cookie)).status).toBe(200);
    server.clock.advance(SESSION_LIFETIME.idleMs - 1000);
    expect((await session(cookie)).status).toBe(200);
    server.clock.advance(SESSION_LIFETIME.idleMs);
    expect((await session(cookie)).status).toBe(401);
  });

  it('replaces the previous session of the browser on a new sign in', async () => {
    const first = await signIn(server, 'rosa');
    const second = await login({ username: 'rosa', password: TEST_PASSWORD }, { cookie: first });
    expect(second.status).toBe(200);
    expect((await session(first)).status).toBe(401);
  });
});
