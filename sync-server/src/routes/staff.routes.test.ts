import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import { LOGIN_THROTTLE } from '../services/login-throttle.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import {
  addStaff,
  created,
  createTestServer,
  device,
  cookieSet,
  patient,
  signIn,
  sseReader,
  TEST_PASSWORD,
  type TestServer,
  deviceOf,
} from '../test-support.ts';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await createTestServer();
  await addStaff(server, 'ada-admin', 'admin');
  admin = await signIn(server, 'ada-admin');
});
afterAll(() => server.close());

const NEW_PASSWORD = 'lantern orchard violet 42';

function call(method: string, path: string, body?: unknown, cookie = admin) {
  return server.request(`/api/staff${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function account(response: Response): Promise<StaffAccount> {
  expect(response.status).toBeLessThan(300);
  return ((await response.json()) as { account: StaffAccount }).account;
}

const login = (username: string, password: string) =>
  server.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId: crypto.randomUUID() }),
  });

describe('an administrator manages staff accounts', () => {
  it('creates an account with a role; the person signs in with their own password', async () => {
    const created = await account(
      await call('POST', '', {
        username: 'bo.front',
        displayName: 'Bo Lindqvist',
        role: 'front-desk',
        password: NEW_PASSWORD,
      }),
    );
    expect(created).toMatchObject({ username: 'bo.front', role: 'front-desk', active: true });
    expect((await login('bo.front', NEW_PASSWORD)).status).toBe(200);
    const list = (await (await call('GET', '')).json()) as { staff: StaffAccount[] };
    expect(list.staff.map((user) => user.username)).toContain('bo.front');
    expect(JSON.stringify(list)).not.toContain('scrypt');
  });

  it.each([
    ['too short', 'short pass', /at least 15 characters/],
    ['a common password', 'qwerty123456789', /common or leaked/],
    ['a repeated pattern', 'abababababababab', /repeated or running/],
    ["the person's own name", 'cyrus.nadeau2026!', /your name/],
  ])('refuses a first password that is %s, with a clear message', async (_what, password, why) => {
    const response = await call('POST', '', {
      username: 'cyrus.nadeau',
      displayName: 'Cyrus Nadeau',
      role: 'billing',
      password,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(why);
    expect(await server.store.findUserByUsername('cyrus.nadeau')).toBeNull();
  });

  it('accepts long passphrases with spaces and any characters', async () => {
    const created = await call('POST', '', {
      username: 'dana.unicode',
      displayName: 'Dana Øster',
      role: 'clinician',
      password: 'fjord kaffe 🌧 tröja nätter',
    });
    expect(created.status).toBe(201);
    expect((await login('dana.unicode', 'fjord kaffe 🌧 tröja nätter')).status).toBe(200);
  });

  it('is refused to every other role, and to nobody signed in', async () => {
    await addStaff(server, 'mo-manager', 'office-manager');
    const manager = await signIn(server, 'mo-manager');
    expect((await call('GET', '', undefined, manager)).status).toBe(403);
    expect(
      (
        await call(
          'POST',
          '',
          { username: 'x', displayName: 'X', role: 'admin', password: NEW_PASSWORD },
          manager,
        )
      ).status,
    ).toBe(403);
    expect((await server.request('/api/staff')).status).toBe(401);
    expect(await server.store.findUserByUsername('x')).toBeNull();
  });

  it('never leaves the clinic without an active administrator', async () => {
    const me = await server.store.findUserByUsername('ada-admin');
    const demote = await call('PATCH', `/${me?.id}`, { role: 'front-desk' });
    expect(demote.status).toBe(400);
    const self = await call('PATCH', `/${me?.id}`, { active: false });
    expect(self.status).toBe(400);
    expect((await server.store.findUserByUsername('ada-admin'))?.role).toBe('admin');
  });
});

describe('access changes take effect at once', () => {
  it('a role change applies at the next request, and closes the live stream', async () => {
    const user = await addStaff(server, 'eve.desk', 'front-desk');
    const cookie = await signIn(server, 'eve.desk');
    const stream = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${deviceOf(cookie)}`,
      { headers: { cookie } },
    );
    const events = sseReader(stream);
    expect((await events.next()).event).toBe('resync');

    expect((await account(await call('PATCH', `/${user.id}`, { role: 'billing' }))).role).toBe(
      'billing',
    );
    // The stream ends without waiting for a heartbeat…
    await expect(events.next()).rejects.toThrow('The stream ended');
    // …and the very next push is judged under the new role, which reads charts but writes none.
    const push = await device(server, cookie).push('patients', [created(patient(9001))]);
    expect(await push.json()).toMatchObject({ rejected: [{ code: 'forbidden' }] });
    const session = (await (
      await server.request('/api/auth/session', { headers: { cookie } })
    ).json()) as {
      user: { role: string };
    };
    expect(session.user.role).toBe('billing');
  });

  it('deactivation ends every session: the device is told why, and sign-in is refused', async () => {
    const user = await addStaff(server, 'finn.desk', 'front-desk');
    const cookie = await signIn(server, 'finn.desk');
    const stream = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${deviceOf(cookie)}`,
      { headers: { cookie } },
    );
    const events = sseReader(stream);
    await events.next();

    expect((await account(await call('PATCH', `/${user.id}`, { active: false }))).active).toBe(
      false,
    );
    await expect(events.next()).rejects.toThrow('The stream ended');
    const pull = await device(server, cookie).pull('patients');
    expect(pull.status).toBe(401);
    expect(await pull.json()).toMatchObject({ error: { code: 'account-deactivated' } });
    expect((await login('finn.desk', TEST_PASSWORD)).status).toBe(401);

    // Reactivated: the old session stays dead; a new sign-in works.
    await account(await call('PATCH', `/${user.id}`, { active: true }));
    const again = await device(server, cookie).pull('patients');
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await login('finn.desk', TEST_PASSWORD)).status).toBe(200);
  });

  it('a password reset ends the old sessions; only the new password signs in', async () => {
    const user = await addStaff(server, 'gia.bill', 'billing');
    const cookie = await signIn(server, 'gia.bill');
    await account(await call('POST', `/${user.id}/password`, { password: NEW_PASSWORD }));
    expect((await device(server, cookie).pull('patients')).status).toBe(401);
    expect((await login('gia.bill', TEST_PASSWORD)).status).toBe(401);
    expect((await login('gia.bill', NEW_PASSWORD)).status).toBe(200);
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const user = await addStaff(server, 'hal.clin', 'clinician');
    await server.store.lockLogin(`account:hal.clin`, server.clock.now());
    const list = (await (await call('GET', '')).json()) as { staff: StaffAccount[] };
    expect(list.staff.find((u) => u.id === user.id)?.locked).toBe(true);
    expect((await login('hal.clin', TEST_PASSWORD)).status).toBe(429);
    expect((await account(await call('POST', `/${user.id}/unlock`))).locked).toBe(false);
    expect((await login('hal.clin', TEST_PASSWORD)).status).toBe(200);
    expect(LOGIN_THROTTLE.lockAfterFailures).toBeGreaterThan(0);
  });
});

describe('two-factor sign-in on the Staff page', () => {
  const status = async (username: string) => {
    const list = (await (await call('GET', '')).json()) as { staff: StaffAccount[] };
    return list.staff.find((user) => user.username === username)?.secondFactor;
  };

  it('shows who must use a second factor and whether they have set it up', async () => {
    await addStaff(server, 'ivy.desk', 'front-desk');
    await account(
      await call('POST', '', {
        username: 'jo.manager',
        displayName: 'Jo Manager',
        role: 'office-manager',
        password: NEW_PASSWORD,
      }),
    );
    expect(await status('ada-admin')).toBe('enrolled');
    expect(await status('jo.manager')).toBe('not-enrolled');
    expect(await status('ivy.desk')).toBe('not-required');
    await createStaffAccount(
      { store: server.store, clock: server.clock.now, randomBytes: (n) => randomBytes(n) },
      { username: 'manager', displayName: 'Demo Manager', role: 'office-manager', password: 'x' },
      { demoAccount: true },
    );
    expect(await status('manager')).toBe('demo-exempt');
    // A manager made by the administrator must enrol at the first sign-in.
    expect(await (await login('jo.manager', NEW_PASSWORD)).json()).toMatchObject({
      secondFactor: 'enrol',
    });
  });

  it('resets a lost second factor: the person is signed out everywhere and enrols again', async () => {
    const kim = await addStaff(server, 'kim.manager', 'office-manager');
    const cookie = await signIn(server, 'kim.manager');
    const waiting = cookieSet(await login('kim.manager', TEST_PASSWORD), 'cd_sign_in') ?? '';
    const stream = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${deviceOf(cookie)}`,
      { headers: { cookie } },
    );
    const events = sseReader(stream);
    await events.next();

    const reset = await account(await call('POST', `/${kim.id}/second-factor/reset`));
    expect(reset.secondFactor).toBe('not-enrolled');
    await expect(events.next()).rejects.toThrow('The stream ended');
    expect((await device(server, cookie).pull('patients')).status).toBe(401);
    // A sign-in that was waiting for a code from the lost phone is over too.
    const late = await server.request('/api/auth/second-factor/code', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: waiting },
      body: JSON.stringify({ code: '123456' }),
    });
    expect(await late.json()).toMatchObject({ error: { code: 'sign-in-expired' } });
    expect(await (await login('kim.manager', TEST_PASSWORD)).json()).toMatchObject({
      secondFactor: 'enrol',
    });

    const [entry] = (await server.store.readAuditChain(0, 1000)).filter(
      (event) => event.action === 'second-factor-reset',
    );
    expect(entry).toMatchObject({
      username: 'ada-admin',
      collection: 'staff-accounts',
      recordId: kim.id,
      detail: 'for kim.manager',
    });
  });

  it('refuses to reset an account without a second factor, and to anyone but an administrator', async () => {
    const lee = await addStaff(server, 'lee.desk', 'front-desk');
    const none = await call('POST', `/${lee.id}/second-factor/reset`);
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      error: { message: 'Test lee.desk has no two-factor sign-in set up to reset' },
    });
    await addStaff(server, 'max.manager', 'office-manager');
    const manager = await signIn(server, 'max.manager');
    const admin = await server.store.findUserByUsername('ada-admin');
    expect(
      (await call('POST', `/${admin?.id}/second-factor/reset`, undefined, manager)).status,
    ).toBe(403);
    expect(await status('ada-admin')).toBe('enrolled');
    expect((await call('POST', `/not-a-uuid/second-factor/reset`)).status).toBe(404);
  });
});

describe('the audit trail of staff accounts', () => {
  it('records who made, changed, reset and unlocked an account, and never the password', async () => {
    const made = await account(
      await call('POST', '', {
        username: 'gus.audit',
        displayName: 'Gus Audited',
        role: 'front-desk',
        password: NEW_PASSWORD,
      }),
    );
    await account(await call('PATCH', `/${made.id}`, { role: 'billing', displayName: 'Gus A.' }));
    await account(await call('PATCH', `/${made.id}`, { active: false }));
    await account(await call('PATCH', `/${made.id}`, { active: true }));
    const secondPassword = 'meadow lantern quartz 77';
    await account(await call('POST', `/${made.id}/password`, { password: secondPassword }));
    await account(await call('POST', `/${made.id}/unlock`));

    const trail = (await server.store.readAuditChain(0, 10_000)).filter(
      (entry) => entry.recordId === made.id,
    );
    expect(
      trail.map(({ action, username, collection, detail }) => ({
        action,
        username,
        collection,
        detail,
      })),
    ).toEqual(
      [
        ['create', 'gus.audit: account made, role front-desk'],
        ['change', 'gus.audit: role front-desk → billing, display name changed'],
        ['change', 'gus.audit: deactivated'],
        ['change', 'gus.audit: reactivated'],
        ['change', 'gus.audit: password reset'],
        ['change', 'gus.audit: unlocked after failed sign-ins'],
      ].map(([action, detail]) => ({
        action,
        username: 'ada-admin',
        collection: 'staff-accounts',
        detail,
      })),
    );
    const written = JSON.stringify(trail);
    expect(written).not.toContain(NEW_PASSWORD);
    expect(written).not.toContain(secondPassword);
  });
});
