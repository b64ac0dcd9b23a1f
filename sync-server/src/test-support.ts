/**
 * Test helpers: a server over a real SQLite file in a temp directory, with a clock the test moves,
 * staff accounts, signed-in cookies and sync headers. Not imported by production code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@clinicdesk/shared/audit/audit-event.ts';
import type { Role, SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { requiresSecondFactor } from '@clinicdesk/shared/auth/second-factor.ts';
import { base32Decode, TOTP, totpStep } from '@clinicdesk/shared/auth/totp.ts';
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
import { hotp } from './services/totp-code.ts';
import { openSqliteStore } from './storage/sqlite/sqlite-store.ts';
import type { Store } from './storage/store.ts';

export const TEST_START = new Date('2026-03-02T09:00:00.000Z');
export const TEST_PASSWORD = 'correct horse battery staple';
// Hashed once per test file: scrypt is slow on purpose.
const TEST_PASSWORD_HASH = await hashPassword(TEST_PASSWORD, new Uint8Array(16));

/**
 * The TOTP secret of every office manager and administrator `addStaff` enrols (the RFC 6238
 * test secret, "12345678901234567890", in base32).
 */
export const TEST_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** The code an authenticator app with `secret` shows at `at` (or `offset` steps from then). */
export function totpCodeAt(secret: string, at: Date, offset = 0): string {
  const key = base32Decode(secret);
  if (!key) throw new Error('Not a base32 secret');
  return hotp(key, totpStep(at) + offset);
}

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

/**
 * An active staff account with TEST_PASSWORD. An office manager or administrator is enrolled
 * with TEST_TOTP_SECRET (so `signIn` can answer the code step) unless `enrolled: false`.
 */
export async function addStaff(
  server: TestServer,
  username: string,
  role: Role = 'front-desk',
  options: { enrolled?: boolean } = {},
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
  if (requiresSecondFactor(user) && options.enrolled !== false)
    await server.store.enrolSecondFactor({
      userId: user.id,
      totpSecret: TEST_TOTP_SECRET,
      enrolledAt: server.clock.now(),
      lastUsedStep: 0,
    });
  return { id: user.id, username, displayName: user.displayName, role };
}

/** The value of cookie `name` that a response sets, as a `Cookie` header part; null when none. */
export function cookieSet(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    const match = new RegExp(`^(${name}=[^;]*)`).exec(header);
    if (match?.[1] && !/Max-Age=0/i.test(header)) return match[1];
  }
  return null;
}

/**
 * Signs in and returns the `Cookie` header value a browser would send afterwards. For an
 * account enrolled by `addStaff`, answers the code step too, with the code of the current step
 * — moving the test clock on to the next step first if this person already used it.
 */
export async function signIn(
  server: TestServer,
  username: string,
  options: { deviceId?: string } = {},
): Promise<string> {
  return signInOnce(server, username, options.deviceId ?? crypto.randomUUID());
}

/**
 * The device each cookie `signIn` returned was signed in on (a session is bound to one device):
 * `device(server, cookie)` acts as that device unless told otherwise.
 */
const signedInDevices = new Map<string, string>();

/** The device id the session of `cookie` was opened on. */
export function deviceOf(cookie: string): string {
  const deviceId = signedInDevices.get(cookie);
  if (deviceId === undefined) throw new Error('This cookie did not come from signIn');
  return deviceId;
}

async function signInOnce(server: TestServer, username: string, deviceId: string) {
  const cookie = await passwordAndCode(server, username, deviceId);
  signedInDevices.set(cookie, deviceId);
  return cookie;
}

async function passwordAndCode(
  server: TestServer,
  username: string,
  deviceId: string,
): Promise<string> {
  const response = await server.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD, deviceId }),
  });
  if (response.status !== 200) throw new Error(`Sign-in failed with ${response.status}`);
  const pending = cookieSet(response, 'cd_sign_in');
  if (pending === null) {
    const cookie = cookieSet(response, 'cd_session');
    if (!cookie) throw new Error('Sign-in set no session cookie');
    return cookie;
  }
  const user = await server.store.findUserByUsername(username);
  const factor = user && (await server.store.findSecondFactor(user.id));
  if (!factor) throw new Error(`${username} is not enrolled: use the second-factor routes`);
  const waitSteps = factor.lastUsedStep - totpStep(server.clock.now()) + 1;
  if (waitSteps > 0) server.clock.advance(waitSteps * TOTP.periodSeconds * 1000);
  const answered = await server.request('/api/auth/second-factor/code', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: pending },
    body: JSON.stringify({ code: totpCodeAt(factor.totpSecret, server.clock.now()) }),
  });
  const cookie = cookieSet(answered, 'cd_session');
  if (answered.status !== 200 || !cookie)
    throw new Error(`The code step failed with ${answered.status}`);
  return cookie;
}

/** A device: its id, its cookie, and pull/push as its replication would send them. */
export function device(
  server: TestServer,
  cookie: string,
  deviceId: string = signedInDevices.get(cookie) ?? crypto.randomUUID(),
) {
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
    kind: 'patient',
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

/**
 * The second-factor steps as a browser takes them, for route tests: the password step (its
 * answer and the pending sign-in's cookie), codes as an app with a given secret shows them, and
 * what the audit trail says without its ids and hashes.
 */
export function secondFactorSteps(current: () => TestServer) {
  const post = (path: string, body: unknown, cookie?: string) =>
    current().request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  return {
    post,
    async password(username: string, deviceId: string = crypto.randomUUID()) {
      const response = await post('/api/auth/login', {
        username,
        password: TEST_PASSWORD,
        deviceId,
      });
      return { response, pending: cookieSet(response, 'cd_sign_in') ?? '' };
    },
    /** The code an app with `secret` (the test one by default) shows now, or `offset` steps away. */
    codeNow: (offset = 0, secret = TEST_TOTP_SECRET) =>
      totpCodeAt(secret, current().clock.now(), offset),
    sendCode: (pending: string, code: string) =>
      post('/api/auth/second-factor/code', { code }, pending),
    offer: (pending: string) => post('/api/auth/second-factor/enrolment', {}, pending),
    confirm: (pending: string, code: string) =>
      post('/api/auth/second-factor/enrolment/confirm', { code }, pending),
    async errorCode(response: Response): Promise<string> {
      return ((await response.json()) as { error: { code: string } }).error.code;
    },
    auditTrail: (): Promise<AuditEntry[]> => current().store.readAuditChain(0, 1000),
    /** What entries say, without ids and hashes (hex that could hold any six digits). */
    statements: (entries: AuditEntry[]) =>
      JSON.stringify(
        entries.map(({ action, username, deviceId, collection, recordId, detail }) => ({
          action,
          username,
          deviceId,
          collection,
          recordId,
          detail,
        })),
      ),
  };
}
