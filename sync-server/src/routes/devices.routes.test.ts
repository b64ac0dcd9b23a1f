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
