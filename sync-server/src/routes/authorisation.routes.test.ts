/**
 * SRV-8/10/12/13: the permission table (shared/src/auth/permissions.ts) as the server enforces
 * it, role by role, on pull, push, the live stream and every other /api route, including
 * irregular spellings of the paths. Expectations are written out here, not read from the table.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@clinicdesk/shared/auth/roles.ts';
import { canUse } from '@clinicdesk/shared/auth/permissions.ts';
import {
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';
import { mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import {
  addStaff,
  changed,
  created,
  createTempDir,
  createTestServer,
  device,
  deviceOf,
  patient,
  signIn,
  sseReader,
  type TestServer,
} from '../test-support.ts';

type Access = 'none' | 'read' | 'write';
const PATIENTS: Record<Role, Access> = {
  'front-desk': 'write',
  billing: 'read',
  clinician: 'read',
  'office-manager': 'write',
  admin: 'none',
};
const DEVICES_OVERVIEW: Role[] = ['office-manager', 'admin'];

/** A name no response to a role without read access may contain. */
const MARKER = 'Forbiddenmarker';

// One server for the file (signing in five people per test would be slow: scrypt); every test
// works on patients of its own, so tests do not depend on each other.
let server: TestServer;
let blobRoot: Awaited<ReturnType<typeof createTempDir>>;
const cookies = {} as Record<Role, string>;
let nextPatient = 1;
let seeded: WireDocument;

beforeAll(async () => {
  blobRoot = await createTempDir();
  server = await createTestServer({
    blobs: await openFsBlobStorage(blobRoot.path),
    heartbeatMs: 40,
  });
  for (const role of ROLES) {
    await addStaff(server, role, role);
    cookies[role] = await signIn(server, role);
  }
});
afterAll(async () => {
  await server.close();
  await blobRoot.remove();
});

/** A patient stored by the front desk for this test, carrying the marker. */
beforeEach(async () => {
  seeded = patient(nextPatient++, { familyName: MARKER });
  const seeding = await device(server, cookies['front-desk']).push('patients', [created(seeded)]);
  expect(seeding.status).toBe(200);
});

const fresh = () => patient(nextPatient++);
const storedState = async (id: string) =>
  (await server.store.pull('patients', 0, 1000)).documents.find((doc) => doc.id === id) ?? null;

describe.each(ROLES)('%s', (role) => {
  const access = PATIENTS[role];

  it(`pulls patients: ${access === 'none' ? 'refused, nothing sent' : 'allowed'}`, async () => {
    const response = await device(server, cookies[role]).pull('patients');
    const text = await response.text();
    if (access === 'none') {
      expect(response.status).toBe(403);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'forbidden' } });
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain('checkpoint');
    } else {
      expect(response.status).toBe(200);
      expect(text).toContain(MARKER);
    }
  });

  it(`pushes a new patient: ${access === 'write' ? 'stored' : 'refused, nothing stored'}`, async () => {
    const doc = fresh();
    const response = await device(server, cookies[role]).push('patients', [created(doc)]);
    if (access === 'none') {
      expect(response.status).toBe(403);
    } else {
      expect(response.status).toBe(200);
      const body = (await response.json()) as { rejected: { id: string; code: string }[] };
      expect(body.rejected).toEqual(
        access === 'write' ? [] : [expect.objectContaining({ id: doc.id, code: 'forbidden' })],
      );
    }
    expect(await storedState(doc.id)).toEqual(access === 'write' ? doc : null);
  });

  it(`changes a stored patient: ${access === 'write' ? 'stored' : 'refused, unchanged'}`, async () => {
    const edit = { ...seeded, givenName: 'Grace' };
    const response = await device(server, cookies[role]).push('patients', [changed(seeded, edit)]);
    expect(response.status).toBe(access === 'none' ? 403 : 200);
    const text = await response.text();
    // A refused device learns nothing about the stored record either (no conflict answer).
    if (access === 'none') expect(text).not.toContain(MARKER);
    expect(await storedState(seeded.id)).toEqual(access === 'write' ? edit : seeded);
  });

  it(`hears of patient changes on the live stream only ${access === 'none' ? '(never)' : '(yes)'}`, async () => {
    const response = await server.request(
      `${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${deviceOf(cookies[role])}`,
      { headers: { cookie: cookies[role] } },
    );
    expect(response.status).toBe(200);
    const events = sseReader(response);
    expect((await events.next()).event).toBe('resync');
    await device(server, cookies['front-desk']).push('patients', [created(fresh())]);
    // The push is announced before the next heartbeat is even due, to those who may hear it.
    let next = await events.next();
    if (access === 'none') {
      expect(next.event).toBe('heartbeat');
      next = await events.next();
      expect(next.event).toBe('heartbeat');
    } else {
      expect(next).toMatchObject({ event: 'change', data: { collection: 'patients' } });
    }
    await events.cancel();
  });

  it(`sees the Devices overview: ${DEVICES_OVERVIEW.includes(role) ? 'yes' : 'no'}`, async () => {
    const response = await server.request(`${SYNC_BASE_PATH}/devices`, {
      headers: device(server, cookies[role]).headers,
    });
    expect(response.status).toBe(DEVICES_OVERVIEW.includes(role) ? 200 : 403);
  });

  it('reports its own device health (every role)', async () => {
    const response = await server.request(`${SYNC_BASE_PATH}/devices/report`, {
      method: 'POST',
      headers: { ...device(server, cookies[role]).headers, 'content-type': 'application/json' },
      body: JSON.stringify({ bogus: true }),
    });
    // Past authorisation: the body is judged (and refused as not a report).
    expect(response.status).toBe(400);
  });

  it(`reads and uploads patient files: ${access}`, async () => {
    const headers = device(server, cookies[role]).headers;
    const bytes = new Uint8Array(64).fill(nextPatient);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const address = createHash('sha256').update(bytes).digest('hex');
    const upload = await server.request(`/api/blobs/${address}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'image/png' },
      body: bytes,
    });
    // Uploading is for whoever writes a record that refers to a file: who registers patients,
    // and who files papers (billing and clinicians too, issue 12).
    const uploads = canUse(role, 'blobs.write');
    expect(upload.status < 300).toBe(uploads);
    if (!uploads) expect(upload.status).toBe(403);
    // Stored by someone who may, as a patient's photo: every reader of patients may read it,
    // nobody else (a file is read through the records that refer to it, issue 11.5).
    const desk = device(server, cookies['front-desk']);
    await server.request(`/api/blobs/${address}`, {
      method: 'PUT',
      headers: { ...desk.headers, 'content-type': 'image/png' },
      body: bytes,
    });
    const photo = { sha256: address, type: 'image/png' as const, size: bytes.byteLength };
    await desk.push('patients', [created(patient(nextPatient++, { photo }))]);
    const read = await server.request(`/api/blobs/${address}`, { headers });
    expect(read.status).toBe(access === 'none' ? 403 : 200);
  });
});

describe('irregular spellings of the sync paths (SRV-12)', () => {
  const pushPaths = [
    '//api//sync/v1/patients/push',
    '/api/sync/v1/patients/push/',
    '/API/sync/v1/patients/push',
    '/api/SYNC/v1/patients/push',
    '/api/sync/v1/Patients/push',
    '/api/./sync/v1/patients/push',
    '/api/%73ync/v1/patients/push',
    '/api/sync/v1/%70atients/push',
    '/api%2Fsync%2Fv1%2Fpatients%2Fpush',
    '/api/sync/v1/patients/push;x',
    '/api/sync/v1/x/../patients/push',
    '/api\\sync\\v1\\patients\\push',
  ];

  it.each(pushPaths)('%s stores nothing for a read-only role', async (path) => {
    const doc = fresh();
    const response = await server.request(path, {
      method: 'POST',
      headers: { ...device(server, cookies.billing).headers, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [created(doc)] }),
    });
    // Either refused before routing, or routed to the one handler that checks the role.
    if (response.status === 200)
      expect(await response.json()).toMatchObject({ rejected: [{ code: 'forbidden' }] });
    else expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await storedState(doc.id)).toBeNull();
  });

  it.each(pushPaths.map((path) => path.replace('push', 'pull')))(
    '%s sends nothing to a role without read access',
    async (path) => {
      const response = await server.request(path, {
        headers: device(server, cookies.admin).headers,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain(MARKER);
    },
  );

  it.each(pushPaths.map((path) => path.replace('push', 'pull')))(
    '%s sends nothing without a session',
    async (path) => {
      const response = await server.request(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain(MARKER);
    },
  );
});

describe('forged identity (SRV-13)', () => {
  it("refuses a change stamped with another person's name, and stores nothing", async () => {
    const frontDesk = device(server, cookies['front-desk']);
    const manager = await server.store.findUserByUsername('office-manager');
    const forged = patient(nextPatient++, {
      editedBy: { userId: manager?.id ?? '', name: 'Someone Else', deviceId: frontDesk.deviceId },
    });
    const response = await frontDesk.push('patients', [created(forged)]);
    expect(await response.json()).toMatchObject({
      rejected: [{ id: forged.id, code: 'forbidden' }],
    });
    expect(await storedState(forged.id)).toBeNull();
  });

  it('takes a change stamped by the sender on its own device', async () => {
    const frontDesk = device(server, cookies['front-desk']);
    const me = await server.store.findUserByUsername('front-desk');
    const own = patient(nextPatient++, {
      editedBy: { userId: me?.id ?? '', name: 'Test front-desk', deviceId: frontDesk.deviceId },
    });
    const response = await frontDesk.push('patients', [created(own)]);
    expect(await response.json()).toMatchObject({ conflicts: [], rejected: [] });
  });

  it("takes back a stale copy carrying an earlier editor's stamp as superseded, not as forged", async () => {
    // A device may push a copy it pulled before someone else's edit (a late retry, RxDB's
    // stale-copy race): the record already left that state, so nothing is stored, and the
    // earlier editor's stamp in it is no forgery. Refusing it lost edits in the fault suite.
    const frontDesk = device(server, cookies['front-desk']);
    const manager = device(server, cookies['office-manager']);
    const [me, them] = await Promise.all([
      server.store.findUserByUsername('front-desk'),
      server.store.findUserByUsername('office-manager'),
    ]);
    const first = patient(nextPatient++, {
      editedBy: { userId: me?.id ?? '', name: 'Test front-desk', deviceId: frontDesk.deviceId },
    });
    expect((await frontDesk.push('patients', [created(first)])).status).toBe(200);
    const second = {
      ...first,
      middleName: 'Rose',
      editedBy: { userId: them?.id ?? '', name: 'Test manager', deviceId: manager.deviceId },
    };
    expect(await (await manager.push('patients', [changed(first, second)])).json()).toMatchObject({
      conflicts: [],
      rejected: [],
    });
    // Answered with the current state, marked superseded (ADR 7): the device merges from it.
    const stale = await manager.push('patients', [created(first)]);
    expect(await stale.json()).toEqual({ conflicts: [second], rejected: [], superseded: [first.id] }); // prettier-ignore
    expect(await storedState(first.id)).toMatchObject({ middleName: 'Rose' });
  });

  it('takes a merge whose conflict names the editor of an earlier state of the record', async () => {
    // The fault suite's lost writes (seed 20260302): the front desk's offline edit clashes with
    // the manager's; its merge records the manager as `kept.by`. Before that merge is stored a
    // second desk edits the record, so the front desk merges once more: the manager's stamp is
    // now only in the record's earlier state, and refusing it as forged lost the edit.
    await addStaff(server, 'second-desk', 'front-desk');
    const desks = {
      first: device(server, cookies['front-desk']),
      manager: device(server, cookies['office-manager']),
      second: device(server, await signIn(server, 'second-desk')),
    };
    const stamp = async (username: string, deviceId: string) => {
      const user = await server.store.findUserByUsername(username);
      return { userId: user?.id ?? '', name: `Test ${username}`, deviceId };
    };
    const first = await stamp('front-desk', desks.first.deviceId);
    const manager = await stamp('office-manager', desks.manager.deviceId);
    const second = await stamp('second-desk', desks.second.deviceId);

    const v1 = patient(nextPatient++, { editedBy: first });
    const v2 = {
      ...v1,
      middleName: 'Rose',
      updatedAt: '2026-03-02T09:01:00.000Z',
      editedBy: manager,
    };
    const v3 = {
      ...v2,
      phone: '+15555550100',
      updatedAt: '2026-03-02T09:02:00.000Z',
      editedBy: second,
    };
    const offline = {
      ...v1,
      middleName: 'Ruth',
      updatedAt: '2026-03-02T09:01:30.000Z',
      editedBy: first,
    };
    expect((await desks.first.push('patients', [created(v1)])).status).toBe(200);
    expect((await desks.manager.push('patients', [changed(v1, v2)])).status).toBe(200);
    expect((await desks.second.push('patients', [changed(v2, v3)])).status).toBe(200);

    const merged = mergeEdits(v2, v3, mergeEdits(v1, v2, offline));
    const response = await desks.first.push('patients', [changed(v3, merged)]);
    expect(await response.json()).toMatchObject({ conflicts: [], rejected: [] });
    const stored = await storedState(v1.id);
    expect(stored).toMatchObject({ middleName: 'Rose', phone: '+15555550100' });
    expect(Object.values(stored?.conflicts ?? {})).toEqual([
      expect.objectContaining({
        path: 'middleName',
        kept: expect.objectContaining({ value: 'Rose', by: manager }),
        other: expect.objectContaining({ value: 'Ruth', by: first }),
      }),
    ]);

    // A stamp from an earlier state of ANOTHER record is still a forgery on this one.
    const other = patient(nextPatient++, { editedBy: first });
    expect((await desks.first.push('patients', [created(other)])).status).toBe(200);
    const forged = { ...other, phone: '+15555550101', editedBy: manager };
    expect(
      await (await desks.first.push('patients', [changed(other, forged)])).json(),
    ).toMatchObject({
      rejected: [{ id: other.id, code: 'forbidden' }],
    });
  });

  it('refuses sync from another device id than the one the session signed in on', async () => {
    const signedInOn = crypto.randomUUID();
    const login = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'front-desk',
        password: 'correct horse battery staple',
        deviceId: signedInOn,
      }),
    });
    const cookie = /^(cd_session=[^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect((await device(server, cookie, signedInOn).pull('patients')).status).toBe(200);
    const doc = fresh();
    const other = await device(server, cookie).push('patients', [created(doc)]);
    expect(other.status).toBe(401);
    expect(await other.json()).toMatchObject({ error: { code: 'session-on-another-device' } });
    expect(await storedState(doc.id)).toBeNull();
  });
});
