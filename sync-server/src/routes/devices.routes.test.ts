import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHealth } from '@clinicdesk/shared/sync/device-health.ts';
import { SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import { addStaff, createTestServer, device, signIn, type TestServer } from '../test-support.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa', 'front-desk');
  await addStaff(server, 'omar', 'office-manager');
});
afterEach(() => server.close());

const HOUR = 60 * 60 * 1000;

function report(tablet: ReturnType<typeof device>, body: unknown) {
  return server.request(`${SYNC_BASE_PATH}/devices/report`, {
    method: 'POST',
    headers: { ...tablet.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('device sync health', () => {
  it('shows the office manager a tablet that has held changes for hours', async () => {
    const tablet = device(server, await signIn(server, 'rosa'));
    const heldSince = server.clock.now().toISOString();
    const sent = await report(tablet, {
      pendingChanges: 4,
      oldestPendingAt: heldSince,
      lastSyncAt: null,
      appVersion: '1',
      storagePersisted: true,
    });
    expect(sent.status).toBe(200);

    server.clock.advance(5 * HOUR);
    const office = device(server, await signIn(server, 'omar'));
    const listed = await server.request(`${SYNC_BASE_PATH}/devices`, { headers: office.headers });
    expect(listed.status).toBe(200);
    const { devices } = (await listed.json()) as { devices: DeviceHealth[] };
    const held = devices.find((d) => d.deviceId === tablet.deviceId);
    expect(held).toMatchObject({
      user: { displayName: 'Test rosa', role: 'front-desk' },
      report: { pendingChanges: 4, oldestPendingAt: heldSince },
      attention: 'changes-waiting-long',
    });
    // The manager's own device, seen just now with no report yet, needs no attention.
    expect(devices.find((d) => d.deviceId === office.deviceId)?.attention).toBeNull();
  });

  it('keeps the device overview to office managers and administrators', async () => {
    const tablet = device(server, await signIn(server, 'rosa'));
    const listed = await server.request(`${SYNC_BASE_PATH}/devices`, { headers: tablet.headers });
    expect(listed.status).toBe(403);
    expect(await listed.json()).toEqual({
      error: { code: 'forbidden', message: 'Your role does not allow this' },
    });
  });

  it('refuses a malformed report and stores nothing from it', async () => {
    const tablet = device(server, await signIn(server, 'rosa'));
    const sent = await report(tablet, { pendingChanges: -1, appVersion: '1' });
    expect(sent.status).toBe(400);
    const [stored] = await server.store.listDevices();
    expect(stored?.report).toBeNull();
  });
});

describe('naming and retiring devices (the office manager)', () => {
  const name = (who: ReturnType<typeof device>, deviceId: string, body: unknown) =>
    server.request(`${SYNC_BASE_PATH}/devices/${deviceId}/name`, {
      method: 'PUT',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const retire = (who: ReturnType<typeof device>, deviceId: string) =>
    server.request(`${SYNC_BASE_PATH}/devices/${deviceId}/retire`, {
      method: 'POST',
      headers: who.headers,
    });
  const listed = async (who: ReturnType<typeof device>) => {
    const response = await server.request(`${SYNC_BASE_PATH}/devices`, { headers: who.headers });
    return ((await response.json()) as { devices: DeviceHealth[] }).devices;
  };

  it('gives a device the name staff chose, shown on the list', async () => {
    const tablet = device(server, await signIn(server, 'rosa'));
    await tablet.pull('patients');
    const office = device(server, await signIn(server, 'omar'));
    expect((await name(office, tablet.deviceId, { name: '  Front desk tablet 2 ' })).status).toBe(
      200,
    );
    const found = (await listed(office)).find((d) => d.deviceId === tablet.deviceId);
    expect(found?.name).toBe('Front desk tablet 2');
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(61)],
    ['two lines', 'Front desk\ntablet'],
    ['a bidirectional override', 'Tablet \u202egnp.exe'],
  ])('refuses a name that is %s, and keeps the old one', async (_, bad) => {
    const tablet = device(server, await signIn(server, 'rosa'));
    await tablet.pull('patients');
    const office = device(server, await signIn(server, 'omar'));
    await name(office, tablet.deviceId, { name: 'Front desk tablet 2' });
    const refused = await name(office, tablet.deviceId, { name: bad });
    expect(refused.status).toBe(400);
    expect((await listed(office)).find((d) => d.deviceId === tablet.deviceId)?.name).toBe(
      'Front desk tablet 2',
    );
  });

  it('retires an old device, but never one that still holds unsynced changes', async () => {
    const old = device(server, await signIn(server, 'rosa'));
    await old.pull('patients');
    const busy = device(server, await signIn(server, 'rosa'));
    await report(busy, {
      pendingChanges: 3,
      oldestPendingAt: server.clock.now().toISOString(),
      lastSyncAt: null,
      appVersion: '1',
      storagePersisted: true,
    });
    const office = device(server, await signIn(server, 'omar'));

    expect((await retire(office, old.deviceId)).status).toBe(200);
    const refused = await retire(office, busy.deviceId);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { message: expect.stringContaining('3 unsynced changes') },
    });
    const ids = (await listed(office)).map((d) => d.deviceId);
    expect(ids).not.toContain(old.deviceId);
    expect(ids).toContain(busy.deviceId);
    expect((await retire(office, '0195a0c4-9999-7000-8000-000000000009')).status).toBe(404);

    // Heard from again, the retired device is back on the list.
    await old.pull('patients');
    expect((await listed(office)).map((d) => d.deviceId)).toContain(old.deviceId);
  });

  it('lets only the office manager and the administrator name or retire devices', async () => {
    const tablet = device(server, await signIn(server, 'rosa'));
    await tablet.pull('patients');
    expect((await name(tablet, tablet.deviceId, { name: 'Mine now' })).status).toBe(403);
    expect((await retire(tablet, tablet.deviceId)).status).toBe(403);
  });
});
