import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOTP } from '@clinicdesk/shared/auth/totp.ts';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import { LOGIN_THROTTLE } from '../services/login-throttle.ts';
import { PENDING_SIGN_IN_LIFETIME } from '../services/second-factor.service.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import {
  addStaff,
  cookieSet,
  createTestServer,
  device,
  secondFactorSteps,
  signIn,
  sseReader,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  type TestServer,
} from '../test-support.ts';

/** Signing in as an office manager: the code step (enrolment is in the file beside this one). */
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'mo', 'office-manager');
});
afterEach(() => server.close());

const STEP_MS = TOTP.periodSeconds * 1000;
const MINUTE = 60 * 1000;
const { post, password, codeNow, sendCode, errorCode, auditTrail, statements } = secondFactorSteps(
  () => server,
);

describe('an office manager signing in', () => {
  it('gets a short-lived pending sign-in for a correct password, not a session', async () => {
    const { response, pending } = await password('mo');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      secondFactor: 'code',
      expiresInSeconds: PENDING_SIGN_IN_LIFETIME.codeMs / 1000,
    });
    expect(cookieSet(response, 'cd_session')).toBeNull();
    const header = response.headers.getSetCookie().join('\n');
    expect(pending).toMatch(/^cd_sign_in=[A-Za-z0-9_-]{43}$/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/api/auth');
    expect(header).toContain('Max-Age=300');
  });

  it('signs in with the right code: a session cookie, the user, the pending cookie cleared', async () => {
    const { pending } = await password('mo');
    const response = await sendCode(pending, codeNow());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      user: { username: 'mo', role: 'office-manager' },
    });
    const session = cookieSet(response, 'cd_session');
    expect(session).toMatch(/^cd_session=/);
    expect(response.headers.getSetCookie().join('\n')).toMatch(/cd_sign_in=;.*Max-Age=0/);
    const who = await server.request('/api/auth/session', { headers: { cookie: session ?? '' } });
    expect(who.status).toBe(200);
  });

  it('accepts the code of the previous step and of the next step (clock drift)', async () => {
    server.clock.advance(10 * STEP_MS);
    const first = await password('mo');
    expect((await sendCode(first.pending, codeNow(-1))).status).toBe(200);
    const second = await password('mo');
    expect((await sendCode(second.pending, codeNow(1))).status).toBe(200);
  });

  it('refuses codes two steps away from server time', async () => {
    const { pending } = await password('mo');
    for (const offset of [-2, 2]) {
      const response = await sendCode(pending, codeNow(offset));
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('wrong-code');
    }
    expect((await sendCode(pending, codeNow())).status).toBe(200);
  });

  it('never accepts a code twice, nor an older code once a newer one was used', async () => {
    const first = await password('mo');
    expect((await sendCode(first.pending, codeNow())).status).toBe(200);

    const again = await password('mo');
    const reused = await sendCode(again.pending, codeNow());
    expect(reused.status).toBe(401);
    expect(await errorCode(reused)).toBe('code-already-used');
    expect(cookieSet(reused, 'cd_session')).toBeNull();
    const older = await sendCode(again.pending, codeNow(-1));
    expect(await errorCode(older)).toBe('code-already-used');

    server.clock.advance(STEP_MS);
    expect((await sendCode(again.pending, codeNow())).status).toBe(200);
  });

  it('lets exactly one of two sign-ins racing with the same code in', async () => {
    server.clock.advance(STEP_MS);
    const [a, b] = [await password('mo'), await password('mo')];
    const code = codeNow();
    const answers = await Promise.all([sendCode(a.pending, code), sendCode(b.pending, code)]);
    // The other is refused as a reuse, or held back by the throttle's one-attempt-at-a-time.
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => cookieSet(answer, 'cd_session') !== null)).toHaveLength(1);
  });

  it('uses a pending sign-in once', async () => {
    const { pending } = await password('mo');
    expect((await sendCode(pending, codeNow())).status).toBe(200);
    server.clock.advance(STEP_MS);
    const replay = await sendCode(pending, codeNow());
    expect(replay.status).toBe(401);
    expect(await errorCode(replay)).toBe('sign-in-expired');
  });

  it('counts wrong codes as failed sign-ins: the account must wait, then a right code clears it', async () => {
    const { pending } = await password('mo');
    // The password attempt is still counted: the sign-in has not succeeded yet.
    for (let n = 1; n < LOGIN_THROTTLE.freeFailures; n++) {
      const wrong = await sendCode(pending, '000000');
      expect(await errorCode(wrong)).toBe('wrong-code');
    }
    const refused = await sendCode(pending, codeNow());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await errorCode(refused)).toBe('rate-limited');
    // The password step waits too: a known password does not reset the count.
    expect((await password('mo')).response.status).toBe(429);

    server.clock.advance(MINUTE);
    expect((await sendCode(pending, codeNow())).status).toBe(200);
    const state = await server.store.loginThrottle('account:mo', new Date(0));
    expect(state.consecutiveFailures).toBe(0);
    expect(state.recentFailures).toBe(LOGIN_THROTTLE.freeFailures - 1);
  });

  it('ends the pending sign-in after five minutes', async () => {
    const { pending } = await password('mo');
    server.clock.advance(PENDING_SIGN_IN_LIFETIME.codeMs);
    const late = await sendCode(pending, codeNow());
    expect(late.status).toBe(401);
    expect(await errorCode(late)).toBe('sign-in-expired');
  });

  it('ends only the pending sign-in when the person gives up, not the browser’s session', async () => {
    await addStaff(server, 'rosa');
    const rosa = await password('rosa');
    const session = cookieSet(rosa.response, 'cd_session') ?? '';
    const { pending } = await password('mo');
    const cancelled = await post('/api/auth/second-factor/cancel', {}, `${session}; ${pending}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.headers.getSetCookie().join('\n')).toMatch(/cd_sign_in=;.*Max-Age=0/);
    expect(await errorCode(await sendCode(pending, codeNow()))).toBe('sign-in-expired');
    const who = await server.request('/api/auth/session', { headers: { cookie: session } });
    expect(who.status).toBe(200);
  });

  it('ends the pending sign-in on sign-out and when the account is deactivated', async () => {
    const first = await password('mo');
    await post('/api/auth/logout', {}, first.pending);
    expect(await errorCode(await sendCode(first.pending, codeNow()))).toBe('sign-in-expired');

    const second = await password('mo');
    const mo = await server.store.findUserByUsername('mo');
    await server.store.updateUser(mo?.id ?? '', { active: false });
    expect(await errorCode(await sendCode(second.pending, codeNow()))).toBe('sign-in-expired');
  });

  it('opens nothing else: sync, staff, audit and "who am I" answer 401 to a pending sign-in', async () => {
    const { pending } = await password('mo');
    // The same token offered as if it were a session cookie is no better.
    const asSession = pending.replace('cd_sign_in=', 'cd_session=');
    for (const cookie of [pending, asSession]) {
      const tablet = device(server, cookie);
      expect((await tablet.pull('patients')).status).toBe(401);
      expect((await tablet.push('patients', [])).status).toBe(401);
      for (const path of [
        '/api/auth/session',
        '/api/staff',
        '/api/audit/v1/events',
        `${SYNC_BASE_PATH}/stream`,
        '/api/charts/duplicates',
      ]) {
        const response = await server.request(path, { headers: { cookie } });
        expect(response.status, path).toBe(401);
      }
    }
  });

  it('records the code step in the audit trail without the code', async () => {
    const { pending } = await password('mo');
    const wrong = '000000';
    await sendCode(pending, wrong);
    const right = codeNow();
    await sendCode(pending, right);
    const again = await password('mo');
    await sendCode(again.pending, right);

    const entries = await auditTrail();
    expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([
      ['second-factor-failed', 'wrong code'],
      ['second-factor', null],
      ['sign-in', null],
      ['second-factor-failed', 'code already used'],
    ]);
    expect(entries.every((entry) => entry.username === 'mo')).toBe(true);
    const text = statements(entries);
    for (const secret of [right, wrong, TEST_TOTP_SECRET]) expect(text).not.toContain(secret);
  });
});

describe('accounts without a second factor', () => {
  it('sign in with their password alone, as before: front desk, billing, clinician', async () => {
    for (const role of ['front-desk', 'billing', 'clinician'] as const) {
      await addStaff(server, role, role);
      const { response, pending } = await password(role);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ user: { role } });
      expect(cookieSet(response, 'cd_session')).toMatch(/^cd_session=/);
      expect(pending).toBe('');
    }
  });

  it('include the demo clinic’s office manager and administrator, whose passwords are published', async () => {
    for (const [username, role] of [
      ['manager', 'office-manager'],
      ['admin', 'admin'],
    ] as const) {
      const created = await createStaffAccount(
        { store: server.store, clock: server.clock.now, randomBytes: (n) => randomBytes(n) },
        { username, displayName: `Demo ${username}`, role, password: TEST_PASSWORD },
        { demoAccount: true },
      );
      expect(created.ok).toBe(true);
      const { response } = await password(username);
      expect(await response.json()).toMatchObject({ user: { username, role } });
    }
  });
});

describe('the code step at the API', () => {
  it('asks for six digits, reading spaces and dashes as people type them', async () => {
    const { pending } = await password('mo');
    for (const code of ['12345', '1234567', 'abcdef', 12345, '']) {
      const response = await sendCode(pending, code as string);
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('invalid-request');
    }
    const code = codeNow();
    expect((await sendCode(pending, `${code.slice(0, 3)} ${code.slice(3)}`)).status).toBe(200);
  });

  it('answers a request without a pending sign-in like an expired one', async () => {
    expect(await errorCode(await sendCode('', codeNow()))).toBe('sign-in-expired');
    expect(await errorCode(await sendCode('cd_sign_in=forged', codeNow()))).toBe('sign-in-expired');
    const offer = await post('/api/auth/second-factor/enrolment', {});
    expect(offer.status).toBe(401);
  });
});

describe('a person promoted into a role that needs a second factor', () => {
  it('cannot use the new role on a session opened with the password alone: they sign in again with a code', async () => {
    const promoted = await addStaff(server, 'fay', 'front-desk');
    await addStaff(server, 'ada', 'admin');
    const tablet = device(server, await signIn(server, 'fay'));
    expect((await tablet.pull('patients')).status).toBe(200);
    const stream = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${tablet.deviceId}`,
      { headers: tablet.headers },
    );
    const events = sseReader(stream);
    await events.next();

    const administrator = await signIn(server, 'ada');
    const promotion = await server.request(`/api/staff/${promoted.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: administrator },
      body: JSON.stringify({ role: 'office-manager' }),
    });
    expect(promotion.status).toBe(200);

    // Her open stream closes, and every request of that session is refused with the reason,
    // the "who am I" question included, so that her tablet signs her out to sign in again.
    await expect(events.next()).rejects.toThrow('The stream ended');
    for (const response of [
      await tablet.pull('patients'),
      await server.request('/api/auth/session', { headers: tablet.headers }),
      await server.request('/api/staff', { headers: tablet.headers }),
    ]) {
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('second-factor-required');
    }

    // She has no second factor yet: the password step now asks her to set one up.
    const { response } = await password('fay');
    expect(await response.json()).toMatchObject({ secondFactor: 'enrol' });

    // Someone demoted out of such a role keeps the session they opened with a code.
    const manager = device(server, await signIn(server, 'mo'));
    const demotion = await server.request(
      `/api/staff/${(await server.store.findUserByUsername('mo'))?.id}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: administrator },
        body: JSON.stringify({ role: 'front-desk' }),
      },
    );
    expect(demotion.status).toBe(200);
    expect((await manager.pull('patients')).status).toBe(200);
  });
});
