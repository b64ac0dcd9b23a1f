import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import {
  addStaff,
  created,
  createTestServer,
  device,
  patient,
  signIn,
  sseReader,
  type TestServer,
} from '../test-support.ts';

let server: TestServer;
let cookie: string;
const DEVICE_ID = '0195a0c4-2222-7000-8000-000000000002';
const STREAM = `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${DEVICE_ID}`;

async function connect(s: TestServer, withCookie: string) {
  const response = await s.request(STREAM, { headers: { cookie: withCookie } });
  expect(response.status).toBe(200);
  return { response, events: sseReader(response) };
}

describe('the live stream', () => {
  beforeEach(async () => {
    server = await createTestServer();
    await addStaff(server, 'rosa');
    cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
  });
  afterEach(() => server.close());

  it('says resync on connect, then announces each committed push', async () => {
    const { response, events } = await connect(server, cookie);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');

    expect(await events.next()).toEqual({ event: 'resync', data: { type: 'resync' } });

    const other = device(server, cookie);
    await other.push('patients', [created(patient(1)), created(patient(2))]);
    const change = await events.next();
    expect(change).toEqual({
      event: 'change',
      data: { type: 'change', collection: 'patients', seq: 2 },
    });

    // The announced seq is where a pull finds the write.
    const pulled = (await (await other.pull('patients', '?since=1')).json()) as {
      checkpoint: { seq: number };
    };
    expect(pulled.checkpoint.seq).toBe(2);
    await events.cancel();
  });

  it('does not announce a push that changed nothing', async () => {
    const other = device(server, cookie);
    await other.push('patients', [created(patient(1))]);
    const { events } = await connect(server, cookie);
    await events.next(); // resync

    await other.push('patients', [created(patient(1))]); // a retry: no write
    await other.push('patients', [created(patient(2))]);
    expect(await events.next()).toMatchObject({ event: 'change', data: { seq: 2 } });
    await events.cancel();
  });
});

describe('stream heartbeats', () => {
  beforeEach(async () => {
    server = await createTestServer({ heartbeatMs: 5 });
    await addStaff(server, 'rosa');
    cookie = await signIn(server, 'rosa', { deviceId: DEVICE_ID });
  });
  afterEach(() => server.close());

  it('sends the server time while the session lives, and ends the stream after sign out', async () => {
    const { events } = await connect(server, cookie);
    await events.next(); // resync
    expect(await events.next()).toEqual({
      event: 'heartbeat',
      data: { type: 'heartbeat', serverTime: server.clock.now().toISOString() },
    });

    await server.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    await expect(async () => {
      for (;;) await events.next();
    }).rejects.toThrow('The stream ended');
  });
});
