import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { createApp } from '../app.ts';
import { createSilentLogger } from '../logger.ts';
import { createAuthService } from '../services/auth.service.ts';
import { LOGIN_THROTTLE } from '../services/login-throttle.ts';
import { verifyPassword } from '../services/password-hash.ts';
import { addStaff, createTestServer, TEST_PASSWORD, type TestServer } from '../test-support.ts';
import { connectingAddress } from './auth.routes.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa');
});
afterEach(() => server.close());

const WRONG = 'not the password';
const DEVICE = '0195a0c4-1111-7000-8000-000000000001';
/** Each failure is a real scrypt check (tens of milliseconds); some tests make dozens. */
// Dozens of real scrypt checks: slow on a loaded two-core CI machine.
const SLOW = { timeout: 120_000 };
const MINUTE = 60 * 1000;

/** A sign-in as @hono/node-server hands it over: from a socket with this remote address. */
const login = async (
  username: string,
  password: string,
  address = '10.0.0.7',
  app = server.app,
): Promise<Response> =>
  app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, deviceId: DEVICE }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );

/** What a browser can observe of an answer. */
async function seen(response: Response) {
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    signedIn: response.headers.get('set-cookie') !== null,
    body: (await response.json()) as unknown,
  };
}

const WRONG_PASSWORD = {
  status: 401,
  retryAfter: null,
  signedIn: false,
  body: {
    error: { code: 'invalid-credentials', message: 'That username and password do not match' },
  },
};
const waitFor = (seconds: number, minutes: number) => ({
  status: 429,
  retryAfter: String(seconds),
  signedIn: false,
  body: {
    error: {
      code: 'rate-limited',
      message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
  },
});
const LOCKED = {
  status: 429,
  retryAfter: null,
  signedIn: false,
  body: {
    error: {
      code: 'rate-limited',
      message:
        'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.',
    },
  },
};

async function failTimes(n: number, username = 'rosa', address?: string) {
  for (let i = 0; i < n; i++)
    expect(await seen(await login(username, WRONG, address))).toEqual(WRONG_PASSWORD);
}

describe('sign-in throttling per account', SLOW, () => {
  it('refuses even the right password during the wait after the free failures, then signs in and starts again', async () => {
    await failTimes(LOGIN_THROTTLE.freeFailures);
    expect(await seen(await login('rosa', TEST_PASSWORD))).toEqual(waitFor(60, 1));
    server.clock.advance(59 * 1000);
    expect(await seen(await login('rosa', TEST_PASSWORD))).toEqual(waitFor(1, 1));

    server.clock.advance(1000);
    expect((await login('rosa', TEST_PASSWORD)).status).toBe(200);
    // The success cleared the consecutive failures: the free attempts start again.
    await failTimes(LOGIN_THROTTLE.freeFailures);
    expect((await login('rosa', TEST_PASSWORD)).status).toBe(429);
  });

  it('doubles the wait with each further failure, up to 15 minutes', async () => {
    await failTimes(LOGIN_THROTTLE.freeFailures);
    for (const minutes of [1, 2, 4, 8, 15, 15]) {
      expect(await seen(await login('rosa', WRONG))).toEqual(waitFor(minutes * 60, minutes));
      server.clock.advance(minutes * MINUTE);
      expect(await seen(await login('rosa', WRONG))).toEqual(WRONG_PASSWORD);
    }
  });

  it('answers a name no account has exactly as it answers an existing account', async () => {
    const journey = async (username: string, address: string) => {
      const answers = [];
      for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++)
        answers.push(await seen(await login(username, WRONG, address)));
      answers.push(await seen(await login(username, TEST_PASSWORD, address)));
      server.clock.advance(MINUTE);
      answers.push(await seen(await login(username, WRONG, address)));
      answers.push(await seen(await login(username, TEST_PASSWORD, address)));
      return answers;
    };
    const existing = await journey('rosa', '10.0.0.7');
    const unknown = await journey('nobody', '10.0.0.8');
    expect(unknown).toEqual(existing);
    expect(existing.at(-1)).toEqual(waitFor(120, 2));
  });

  it('locks an account, and an unknown name alike, after too many failures in a day until an administrator unlocks it', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.lockAfterFailures; i++) {
      server.clock.advance(LOGIN_THROTTLE.maxDelayMs);
      expect(await seen(await login('rosa', WRONG))).toEqual(WRONG_PASSWORD);
      expect(await seen(await login('nobody', WRONG, '10.0.0.8'))).toEqual(WRONG_PASSWORD);
    }
    expect(await seen(await login('rosa', TEST_PASSWORD))).toEqual(LOCKED);
    expect(await seen(await login('NOBODY', TEST_PASSWORD, '10.0.0.8'))).toEqual(LOCKED);
    // A lock does not wear off.
    server.clock.advance(3 * 24 * 60 * MINUTE);
    expect(await seen(await login('rosa', TEST_PASSWORD, '10.0.0.9'))).toEqual(LOCKED);

    await server.store.unlockAccount('Rosa');
    expect((await login('rosa', TEST_PASSWORD)).status).toBe(200);
    expect(await seen(await login('nobody', TEST_PASSWORD, '10.0.0.8'))).toEqual(LOCKED);
  });

  it('lets only one of several simultaneous attempts check a password once past the free ones', async () => {
    await failTimes(LOGIN_THROTTLE.freeFailures);
    server.clock.advance(MINUTE);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => login('rosa', WRONG).then(seen)),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(7);
  });

  it('lets several devices sign in to one account at the same moment', async () => {
    // Five tablets at the front desk, all signed in as the desk's account as the day starts.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => login('rosa', TEST_PASSWORD).then(seen)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('checks exactly the free failures of simultaneous wrong attempts, and makes the rest wait', async () => {
    const answers = await Promise.all(
      Array.from({ length: LOGIN_THROTTLE.freeFailures + 2 }, () => login('rosa', WRONG).then(seen)), // prettier-ignore
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(
      LOGIN_THROTTLE.freeFailures,
    );
    expect(answers.filter((answer) => answer.status === 429)).toEqual([waitFor(60, 1), waitFor(60, 1)]); // prettier-ignore
  });

  it('keeps counting across a restart of the server', async () => {
    await failTimes(LOGIN_THROTTLE.freeFailures);
    const restarted = createApp({
      store: server.store,
      clock: server.clock.now,
      randomBytes: (n) => new Uint8Array(n),
      secureCookies: false,
      log: createSilentLogger(),
    });
    expect(await seen(await login('rosa', TEST_PASSWORD, '10.0.0.7', restarted))).toEqual(
      waitFor(60, 1),
    );
  });
});

describe('sign-in throttling per address', SLOW, () => {
  it('makes an address wait 15 minutes after 50 failures, whatever names it tried', async () => {
    const guesses = await Promise.all(
      Array.from({ length: LOGIN_THROTTLE.addressMaxFailures }, (_, n) =>
        login(`guess-${n}`, WRONG, '10.0.0.66'),
      ),
    );
    expect(guesses.map((response) => response.status)).toEqual(guesses.map(() => 401));

    expect(await seen(await login('rosa', TEST_PASSWORD, '10.0.0.66'))).toEqual(
      waitFor(15 * 60, 15),
    );
    // Rosa at the front desk is not affected.
    expect((await login('rosa', TEST_PASSWORD, '10.0.0.7')).status).toBe(200);

    server.clock.advance(15 * MINUTE);
    expect((await login('rosa', TEST_PASSWORD, '10.0.0.66')).status).toBe(200);
  });

  it('takes the address from the socket, and from X-Forwarded-For only behind a trusted proxy', async () => {
    const app = (trustProxy: boolean) =>
      new Hono<AppEnv>().get('/', (c) => c.text(connectingAddress(c, trustProxy)));
    const ask = async (trustProxy: boolean, env?: unknown) =>
      (
        await app(trustProxy).request(
          '/',
          { headers: { 'x-forwarded-for': '203.0.113.5, 198.51.100.7' } },
          env,
        )
      ).text();
    const socket = { incoming: { socket: { remoteAddress: '::ffff:10.0.0.7' } } };

    expect(await ask(false, socket)).toBe('10.0.0.7');
    expect(await ask(false)).toBe('unknown');
    expect(await ask(true, socket)).toBe('198.51.100.7');
  });
});

describe('the password check while throttled', SLOW, () => {
  it('is not run at all during the wait', async () => {
    let checks = 0;
    const auth = createAuthService({
      store: server.store,
      clock: server.clock.now,
      randomBytes: (n) => new Uint8Array(n),
      verifyPassword: (password, encoded) => {
        checks++;
        return verifyPassword(password, encoded);
      },
    });
    const attempt = (password: string) =>
      auth.login({ username: 'rosa', password, deviceId: DEVICE, clientAddress: '10.0.0.7' });

    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) await attempt(WRONG);
    expect(checks).toBe(LOGIN_THROTTLE.freeFailures);
    expect(await attempt(TEST_PASSWORD)).toEqual({
      ok: false,
      error: { code: 'rate-limited', reason: 'wait', retryAfterSeconds: 60 },
    });
    expect(checks).toBe(LOGIN_THROTTLE.freeFailures);
  });
});
