/**
 * Test helpers: a server over a real SQLite file in a temp directory, with a clock the test moves,
 * staff accounts, signed-in cookies and sync headers. Not imported by production code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
  type PushRow,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';
import { createApp, type AppDeps } from './app.ts';
import { createSilentLogger } from './logger.ts';
import { hashPassword } from './services/password-hash.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { Store } from './storage/store.ts';

export const TEST_START = new Date('2026-03-02T09:00:00.000Z');
export const TEST_PASSWORD = 'correct horse battery staple';
// Hashed once per test file: scrypt is slow on purpose.
const TEST_PASSWORD_HASH = await hashPassword(TEST_PASSWORD, new Uint8Array(16));

export type TestClock = { now: () => Date; advance: (ms: number) => void };

export function createTestClock(start: Date = TEST_START): TestClock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

export async function createTempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'clinicdesk-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export type TestServer = Awaited<ReturnType<typeof createTestServer>>;

export async function createTestServer(options: Partial<AppDeps> = {}) {
  const dir = await createTempDir();
  const clock = createTestClock();
  const store: Store =
    options.store ?? openSqliteStore(join(dir.path, 'test.sqlite'), { now: clock.now() });
  const app = createApp({
    store,
    clock: clock.now,
    randomBytes: (n) => randomBytes(n),
    secureCookies: false,
    log: createSilentLogger(),
    ...options,
  });
  return {
    app,
    store,
    clock,
    dir: dir.path,
    request: (path: string, init?: RequestInit) => app.request(path, init),
    async close() {
      await store.close();
      await dir.remove();
    },
  };
}

/** An active staff account with TEST_PASSWORD. */
export async function addStaff(
  server: TestServer,
  username: string,
  role: Role = 'front-desk',
): Promise<SessionUser> {
  const user = {
    id: uuidv7(server.clock.now().getTime(), randomBytes(10)),
    username,
    displayName: `Test ${username}`,
    role,
    passwordHash: TEST_PASSWORD_HASH,
    active: true,
    createdAt: server.clock.now(),
    demoAccount: false,
  };
  const created = await server.store.createUser(user);
  if (!created.ok) throw new Error(`Could not add ${username}`);
  return { id: user.id, username, displayName: user.displayName, role };
}

/** Signs in and returns the `Cookie` header value a browser would send afterwards. */
export async function signIn(server: TestServer, username: string): Promise<string> {
  const response = await server.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`Sign-in failed with ${response.status}`);
  const cookie = /^(cd_session=[^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  if (!cookie?.[1]) throw new Error('Sign-in set no session cookie');
  return cookie[1];
}

/** A device: its id, its cookie, and pull/push as its replication would send them. */
export function device(server: TestServer, cookie: string, deviceId: string = crypto.randomUUID()) {
  const headers = {
    cookie,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [DEVICE_HEADER]: deviceId,
  };
  return {
    deviceId,
    headers,
    pull: (collection: string, query = '') =>
      server.request(`${SYNC_BASE_PATH}/${collection}/pull${query}`, { headers }),
    push: (collection: string, rows: unknown) =>
      server.request(`${SYNC_BASE_PATH}/${collection}/push`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      }),
  };
}

/** A valid patient document; `n` makes its id and name distinct and stable. */
export function patient(n: number, overrides: Partial<Patient> & { _deleted?: boolean } = {}) {
  const bytes = new Uint8Array(10);
  new DataView(bytes.buffer).setUint32(6, n);
  const doc = {
    id: uuidv7(TEST_START.getTime() + n, bytes),
    givenName: 'Ada',
    familyName: `Testperson-${letters(n)}`,
    dateOfBirth: '1980-05-17',
    sex: 'female',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    _deleted: false,
    ...overrides,
  } satisfies Patient & { _deleted: boolean };
  return doc as WireDocument;
}

/** A row creating a document the device believes the server does not have. */
export const created = (doc: WireDocument): PushRow => ({ newDocumentState: doc });
/** A row changing a document from the state the device last pulled. */
export const changed = (assumed: WireDocument, next: WireDocument): PushRow => ({
  assumedMasterState: assumed,
  newDocumentState: next,
});

/** Names allow letters only: 0 → a, 25 → z, 26 → ba … */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

/** Reads server-sent events from a streamed response, one at a time, until told to stop. */
export function sseReader(response: Response) {
  const body = response.body;
  if (!body) throw new Error('The response has no body');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}: `))
              .map((line) => line.slice(name.length + 2))
              .join('\n');
          return { event: field('event'), data: JSON.parse(field('data')) as unknown };
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('The stream ended');
        buffer += chunk.value;
      }
    },
    cancel: () => reader.cancel(),
  };
}
