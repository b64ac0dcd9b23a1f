/**
 * Every session is bound to the one device it signed in on (issue 10, point 3): a request of that
 * session naming any other device is refused on every route and on the stream, so a copied
 * cookie or a forged header can neither sync as another tablet nor report health for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHealth } from '@clinicdesk/shared/sync/device-health.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { sha256Hex } from '../storage/document-hash.ts';
import {
  addStaff,
  created,
  createTestServer,
  device,
  patient,
  signIn,
  TEST_PASSWORD,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa', 'front-desk');
  await addStaff(server, 'sam', 'front-desk');
  await addStaff(server, 'omar', 'office-manager');
});
afterEach(() => server.close());

const TABLET = '0195a0c4-1111-7000-8000-000000000001';
const OTHER_TABLET = '0195a0c4-2222-7000-8000-000000000002';

const report = (pendingChanges: number) => ({
  pendingChanges,
  oldestPendingAt: pendingChanges > 0 ? '2026-03-02T08:00:00.000Z' : null,
  lastSyncAt: '2026-03-02T08:30:00.000Z',
  appVersion: '1',
  storagePersisted: true,
});

function sendReport(cookie: string, deviceId: string, body: unknown) {
  return server.request(`${SYNC_BASE_PATH}/devices/report`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [DEVICE_HEADER]: deviceId,
    },
    body: JSON.stringify(body),
  });
}

describe('a session acts as the one device it signed in on', () => {
  it("cannot report health for another person's tablet: the office manager still sees its changes", async () => {
    const sams = await signIn(server, 'sam', { deviceId: OTHER_TABLET });
    expect((await sendReport(sams, OTHER_TABLET, report(7))).status).toBe(200);

    // The way in that was open: a sign-in that names no device, whose session then acted as any.
    const unbound = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rosa', password: TEST_PASSWORD }),
    });
    expect(unbound.status).toBe(400);
    expect(unbound.headers.get('set-cookie')).toBeNull();

    const rosas = await signIn(server, 'rosa', { deviceId: TABLET });
    const forged = await sendReport(rosas, OTHER_TABLET, report(0));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: 'session-on-another-device' } });

    const office = device(server, await signIn(server, 'omar'));
    const listed = await server.request(`${SYNC_BASE_PATH}/devices`, { headers: office.headers });
    const { devices } = (await listed.json()) as { devices: DeviceHealth[] };
    expect(devices.find((d) => d.deviceId === OTHER_TABLET)).toMatchObject({
      user: { displayName: 'Test sam' },
      report: { pendingChanges: 7 },
    });
  });

  it('cannot push or pull under another device id', async () => {
    const cookie = await signIn(server, 'rosa', { deviceId: TABLET });
    const doc = patient(1);
    const pushed = await device(server, cookie, OTHER_TABLET).push('patients', [created(doc)]);
    expect(pushed.status).toBe(401);
    expect(await pushed.json()).toMatchObject({ error: { code: 'session-on-another-device' } });
    expect(await server.store.charts.currentDocuments('patients', [doc.id])).toEqual([]);
    expect((await device(server, cookie, OTHER_TABLET).pull('patients')).status).toBe(401);
    expect((await device(server, cookie, TABLET).pull('patients')).status).toBe(200);
  });

  it('cannot open the live stream as another device', async () => {
    const cookie = await signIn(server, 'rosa', { deviceId: TABLET });
    const stream = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${OTHER_TABLET}`,
      { headers: { cookie } },
    );
    expect(stream.status).toBe(401);
    // A second `device` parameter cannot smuggle the other one past the check.
    const doubled = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${TABLET}&device=${OTHER_TABLET}`,
      { headers: { cookie } },
    );
    expect(doubled.status).toBe(401);
  });

  it.each([
    ['GET', '/api/auth/session'],
    ['GET', '/api/charts/duplicates'],
    ['GET', `/api/charts/${TABLET}/history`],
    ['GET', '/api/audit/v1/events'],
    ['GET', '/api/staff'],
  ])(
    'refuses %s %s naming another device, saying so (the app asks for a fresh sign-in)',
    async (method, path) => {
      const cookie = await signIn(server, 'omar', { deviceId: TABLET });
      const response = await server.request(path, {
        method,
        headers: {
          cookie,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          [DEVICE_HEADER]: OTHER_TABLET,
        },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'session-on-another-device' } });
    },
  );

  it('no longer honours a session stored without a device (from before sessions were bound)', async () => {
    const rosa = await server.store.findUserByUsername('rosa');
    const token = 'a'.repeat(43);
    await server.store.createSession({
      tokenHash: sha256Hex(token),
      userId: rosa?.id ?? '',
      deviceId: null,
      createdAt: server.clock.now(),
      lastSeenAt: server.clock.now(),
      expiresAt: new Date(server.clock.now().getTime() + 60 * 60 * 1000),
      secondFactor: false,
    });
    const cookie = `cd_session=${token}`;
    expect((await server.request('/api/auth/session', { headers: { cookie } })).status).toBe(401);
    const asAnyDevice = await sendReport(cookie, OTHER_TABLET, report(0));
    expect(asAnyDevice.status).toBe(401);
  });
});
