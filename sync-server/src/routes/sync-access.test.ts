import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { SESSION_LIFETIME } from '../services/auth.service.ts';
import {
  addStaff,
  created,
  createTestServer,
  device,
  patient,
  signIn,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa');
});
afterEach(() => server.close());

const DEVICE_ID = '0195a0c4-1111-7000-8000-000000000001';
const streamPath = `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${DEVICE_ID}`;

/** One request to every kind of sync path, with the given cookie (or none). */
function everySyncRoute(cookie?: string) {
  const headers: Record<string, string> = {
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [DEVICE_HEADER]: DEVICE_ID,
    ...(cookie ? { cookie } : {}),
  };
  return {
    pull: () => server.request(`${SYNC_BASE_PATH}/patients/pull`, { headers }),
    push: () =>
      server.request(`${SYNC_BASE_PATH}/patients/push`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [created(patient(1))] }),
      }),
    stream: () => server.request(streamPath, { headers: cookie ? { cookie } : {} }),
    'unknown path': () => server.request(`${SYNC_BASE_PATH}/patients/export`, { headers }),
    'unknown version': () => server.request('/api/sync/v0/patients/pull', { headers }),
  };
}

describe('a device without a live session', () => {
  it.each(Object.keys(everySyncRoute()))('gets 401 from %s', async (route) => {
    const response = await everySyncRoute()[route as keyof ReturnType<typeof everySyncRoute>]();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue' },
    });
  });

  it('gets 401 everywhere once the session has been idle too long', async () => {
    const cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
    expect((await everySyncRoute(cookie).pull()).status).toBe(200);

    server.clock.advance(SESSION_LIFETIME.idleMs);

    for (const [route, send] of Object.entries(everySyncRoute(cookie))) {
      const response = await send();
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      await response.body?.cancel();
    }
  });

  it('gets 401 after the absolute lifetime even when active all along', async () => {
    const cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
    const step = SESSION_LIFETIME.idleMs - 60_000;
    for (let elapsed = step; elapsed < SESSION_LIFETIME.absoluteMs; elapsed += step) {
      server.clock.advance(step);
      expect((await everySyncRoute(cookie).pull()).status).toBe(200);
    }
    server.clock.advance(step);
    expect((await everySyncRoute(cookie).pull()).status).toBe(401);
  });

  it('stores nothing that an unauthenticated push sent', async () => {
    await everySyncRoute().push();
    const signedIn = device(server, await signIn(server, 'rosa', { deviceId: DEVICE_ID }));
    expect(await (await signedIn.pull('patients')).json()).toMatchObject({ documents: [] });
  });
});

describe('the protocol version', () => {
  const UPDATE_REQUIRED = {
    error: {
      code: 'update-required',
      message:
        'This version of ClinicDesk is out of date. Reload to update; your unsynced changes stay on this device.',
    },
  };

  it.each([
    ['missing', undefined],
    ['older', String(PROTOCOL_VERSION - 1)],
  ])('answers a %s protocol header with 426', async (_, version) => {
    const cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
    const headers: Record<string, string> = { cookie, [DEVICE_HEADER]: DEVICE_ID };
    if (version !== undefined) headers[PROTOCOL_HEADER] = version;
    const pull = await server.request(`${SYNC_BASE_PATH}/patients/pull`, { headers });
    expect(pull.status).toBe(426);
    expect(await pull.json()).toEqual(UPDATE_REQUIRED);

    const push = await server.request(`${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [created(patient(1))] }),
    });
    expect(push.status).toBe(426);
    // Nothing from an outdated app is stored.
    expect(await (await device(server, cookie).pull('patients')).json()).toMatchObject({
      documents: [],
    });
  });

  it('answers a stream without the protocol parameter with 426', async () => {
    const cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
    const response = await server.request(`${SYNC_BASE_PATH}/stream?device=${DEVICE_ID}`, {
      headers: { cookie },
    });
    expect(response.status).toBe(426);
  });

  it.each(['not-a-uuid', DEVICE_ID.toUpperCase(), ''])(
    'refuses the device id "%s" with 400',
    async (deviceId) => {
      const cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
      const response = await device(server, cookie, deviceId).pull('patients');
      expect(response.status).toBe(400);
    },
  );
});
