/**
 * Two real server processes on one PostgreSQL database, as a clinic with two front-desk servers
 * (or a rolling restart) would run them: they share staff, sessions, documents and files (each
 * has a data directory of its own), and a push to one reaches the live streams of the other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts.ts';
import { createTempDir, patient, sseReader } from '../../test-support.ts';
import { createTestSchema, describePostgres, type TestSchema } from './postgres-test-database.ts';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const DESK = '0195a0c4-1111-7000-8000-000000000001';
const TABLET = '0195a0c4-2222-7000-8000-000000000002';
const frontDesk = DEMO_ACCOUNTS[0];
const clinician = DEMO_ACCOUNTS[2];

describePostgres('two server instances on one PostgreSQL database', () => {
  let schema: TestSchema;
  let dataDirs: Awaited<ReturnType<typeof createTempDir>>[];
  let instances: Instance[];
  beforeEach(async () => {
    schema = await createTestSchema();
    dataDirs = [];
    instances = [];
  });
  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await schema.drop();
    await Promise.all(dataDirs.map((dir) => dir.remove()));
  });

  /** An instance with a data directory of its own: they share nothing but the database. */
  const start = async () => {
    const dataDir = await createTempDir();
    dataDirs.push(dataDir);
    const instance = await startInstance({
      DATABASE_URL: schema.url,
      DATA_DIR: dataDir.path,
      STATIC_ROOT: join(dataDir.path, 'no-web-app'),
    });
    instances.push(instance);
    return { ...instance, dataDir: dataDir.path };
  };

  it('share sessions and documents, and announce a push on one to the streams of the other', async () => {
    // One after the other: the first seeds the demo clinic, the second finds it there.
    const first = await start();
    const second = await start();
    expect(first.output()).toContain(`Database: PostgreSQL ${schema.url}`);
    expect(first.output()).toContain('Seeded the demo clinic');
    expect(second.output()).not.toContain('Seeded the demo clinic');

    // A session is bound to its device: the tablet signs in on the first instance, the desk on
    // the second, and each session works on the other instance.
    const cookie = await signIn(first, TABLET);
    const desk = await signIn(second, DESK);
    expect(desk).toMatch(/^cd_session=/);

    // The session from the first instance opens a stream on the second.
    const stream = await fetch(
      `${second.url}${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${TABLET}`,
      { headers: { cookie } },
    );
    expect(stream.status).toBe(200);
    const events = sseReader(stream);
    expect(await events.next()).toEqual({ event: 'resync', data: { type: 'resync' } });

    const registered = patient(1, { givenName: 'Marisol' });
    const pushed = await fetch(`${first.url}${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...syncHeaders(desk, DESK), 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: registered }] }),
    });
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ conflicts: [], rejected: [] });

    const change = await events.next();
    expect(change).toMatchObject({
      event: 'change',
      data: { type: 'change', collection: 'patients' },
    });
    const { seq } = change.data as { seq: number };

    // The tablet pulls from the second instance, as the event told it to, and finds the patient.
    const pulled = await fetch(`${second.url}${SYNC_BASE_PATH}/patients/pull?since=${seq - 1}`, {
      headers: syncHeaders(cookie, TABLET),
    });
    expect(await pulled.json()).toEqual({
      documents: [registered],
      seqs: [seq],
      checkpoint: { seq },
      remaining: 0,
    });
    await events.cancel();

    // Both stop cleanly: pool, listener and streams closed, exit code 0.
    expect(await Promise.all([first.stop('SIGTERM'), second.stop('SIGTERM')])).toEqual([0, 0]);
  }, 60_000);

  it('serve a file uploaded through one, byte for byte, from the other', async () => {
    const photo = photoBytes();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const first = await start();
    const second = await start();
    const desk = await signIn(first, DESK);
    // Another person: the file reads back for them only through the record, not as its uploader.
    const tablet = await signIn(second, TABLET, clinician);
    const download = () =>
      fetch(`${second.url}/api/blobs/${sha256}`, { headers: syncHeaders(tablet, TABLET) });

    // The desk takes a photo and registers the patient with it: the file goes up to the first
    // instance, then the record that refers to it.
    const uploaded = await fetch(`${first.url}/api/blobs/${sha256}`, {
      method: 'PUT',
      headers: { ...syncHeaders(desk, DESK), 'content-type': 'image/png' },
      body: photo,
    });
    expect(uploaded.status).toBe(201);
    expect((await download()).status).toBe(404);
    const registered = patient(2, {
      givenName: 'Ines',
      photo: { sha256, type: 'image/png', size: photo.byteLength },
    });
    const pushed = await fetch(`${first.url}${SYNC_BASE_PATH}/patients/push`, {
      method: 'POST',
      headers: { ...syncHeaders(desk, DESK), 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ assumedMasterState: null, newDocumentState: registered }] }),
    });
    expect(await pushed.json()).toMatchObject({ conflicts: [], rejected: [] });

    // The tablet, on the second instance, shows the photo: the same bytes.
    const downloaded = await download();
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(photo);
    // Neither instance kept it in its data directory: it is in the database they share.
    expect(await filesUnder(first.dataDir, 'blobs')).toEqual([]);
    expect(await filesUnder(second.dataDir, 'blobs')).toEqual([]);
  }, 60_000);
});

/** A PNG of 300 kB (a few chunks in the database), its bytes varied so that none repeat. */
function photoBytes(): Uint8Array<ArrayBuffer> {
  const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) % 256);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
}

/** The files below `dir/sub`, none when it does not exist. */
async function filesUnder(dir: string, sub: string): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const syncHeaders = (cookie: string, deviceId: string) => ({
  cookie,
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [DEVICE_HEADER]: deviceId,
});

async function signIn(
  instance: Instance,
  deviceId: string,
  account: (typeof DEMO_ACCOUNTS)[number] = frontDesk,
): Promise<string> {
  const response = await fetch(`${instance.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: account.username,
      password: account.password,
      deviceId,
    }),
  });
  expect(response.status).toBe(200);
  const cookie = /^(cd_session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('Sign-in set no session cookie');
  return cookie;
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

/** `node sync-server/src/main.ts --demo` on a free port; resolves once it is listening. */
async function startInstance(env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--demo'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ClinicDesk is running at')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`The server exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    /** Stops the process and resolves with its exit code (null when killed by a signal). */
    async stop(signal: NodeJS.Signals): Promise<number | null> {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
