import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditReportPage } from '@clinicdesk/shared/audit/audit-event.ts';
import { SYNC_BASE_PATH } from '@clinicdesk/shared/sync/protocol.ts';
import { verifyAuditTrail } from '../services/audit-verify.ts';
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

const UPLOAD = `${SYNC_BASE_PATH}/audit/events`;

describe('the audit trail over HTTP', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await createTestServer();
  });
  afterEach(() => server.close());

  const chain = () => server.store.readAuditChain(0, 1000);
  const actions = async () => (await chain()).map((entry) => entry.action);

  function upload(headers: Record<string, string>, events: unknown[]) {
    return server.request(UPLOAD, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
  }

  function viewed(userId: string, n: number, action = 'view') {
    return {
      eventId: `0195a0c4-1111-7000-8000-${String(n).padStart(12, '0')}`,
      action,
      userId,
      deviceTime: '2026-03-02T08:30:00.000Z',
      collection: 'patients',
      recordId: patient(n).id,
    };
  }

  it('records sign-in, failed and refused sign-ins, and sign-out, with user and device', async () => {
    await addStaff(server, 'rosa');
    const deviceId = crypto.randomUUID();
    const login = (username: string, password: string) =>
      server.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password, deviceId }),
      });
    expect((await login('rosa', 'Tr0ub4dor&3')).status).toBe(401);
    expect((await login('nobody', TEST_PASSWORD)).status).toBe(401);
    const ok = await login('rosa', TEST_PASSWORD);
    const cookie = /^(cd_session=[^;]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1] ?? '';
    await server.request('/api/auth/logout', { method: 'POST', headers: { cookie } });

    const entries = await chain();
    expect(entries.map((e) => [e.action, e.username, e.deviceId, e.detail])).toEqual([
      ['sign-in-failed', 'rosa', deviceId, 'wrong password'],
      ['sign-in-failed', 'nobody', deviceId, 'unknown username'],
      ['sign-in', 'rosa', deviceId, null],
      ['sign-out', 'rosa', deviceId, null],
    ]);
    expect(entries[0]?.userId).toBe(entries[2]?.userId);
    expect(entries[1]?.userId).toBeNull();
    // No password, right or wrong, ever reaches the trail.
    expect(JSON.stringify(entries)).not.toMatch(/Tr0ub4dor|correct horse/);
  });

  // Eleven real scrypt checks: slow on purpose, and slower on a loaded machine.
  it('records a locked-out attempt as refused', { timeout: 60_000 }, async () => {
    await addStaff(server, 'rosa');
    const deviceId = crypto.randomUUID();
    for (let n = 0; n < 10; n++)
      await server.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'rosa', password: `guess ${n}`, deviceId }),
      });
    const refused = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rosa', password: TEST_PASSWORD, deviceId }),
    });
    expect(refused.status).toBe(429);
    expect((await chain()).at(-1)).toMatchObject({
      action: 'sign-in-refused',
      username: 'rosa',
      detail: 'waiting after failures',
    });
  });

  it('records creates and changes the server accepted, with the writer and device', async () => {
    const rosa = await addStaff(server, 'rosa');
    const tablet = device(server, await signIn(server, 'rosa'));
    const doc = patient(1, { givenName: 'Philippa' });
    await tablet.push('patients', [created(doc)]);
    const entries = (await chain()).filter((entry) => entry.action === 'create');
    expect(entries).toEqual([
      expect.objectContaining({
        userId: rosa.id,
        username: 'rosa',
        deviceId: tablet.deviceId,
        collection: 'patients',
        recordId: doc.id,
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('Philippa');
  });

  it('takes a device’s offline views and prints once, however often the upload is retried', async () => {
    const rosa = await addStaff(server, 'rosa');
    const tablet = device(server, await signIn(server, 'rosa'));
    const events = [viewed(rosa.id, 1), viewed(rosa.id, 2, 'print')];
    const first = await upload(tablet.headers, events);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: 2 });
    const retry = await upload(tablet.headers, events);
    expect(await retry.json()).toEqual({ recorded: 0 });

    const stored = (await chain()).filter((entry) => entry.deviceTime !== null);
    expect(stored.map((entry) => [entry.action, entry.recordId, entry.deviceId])).toEqual([
      ['view', patient(1).id, tablet.deviceId],
      ['print', patient(2).id, tablet.deviceId],
    ]);
    expect(stored[0]?.deviceTime).toBe('2026-03-02T08:30:00.000Z');
    expect(stored[0]?.serverTime).toBe(server.clock.now().toISOString());
  });

  it('takes a print of a policy by the version printed, and refuses such an id for a patient', async () => {
    const rosa = await addStaff(server, 'rosa');
    const tablet = device(server, await signIn(server, 'rosa'));
    const versionId = '0195a0c4-2222-7000-8000-000000000001-v3';
    const printed = { ...viewed(rosa.id, 1, 'print'), collection: 'policies', recordId: versionId };
    expect((await upload(tablet.headers, [printed])).status).toBe(200);
    const notPatient = { ...viewed(rosa.id, 2, 'print'), recordId: versionId };
    const refused = await upload(tablet.headers, [notPatient]);
    expect(refused.status).toBe(400);
    const stored = (await chain()).filter((entry) => entry.deviceTime !== null);
    expect(stored.map((entry) => [entry.action, entry.collection, entry.recordId])).toEqual([
      ['print', 'policies', versionId],
    ]);
  });

  it('refuses an upload of someone else’s events, or of anything but views and prints', async () => {
    await addStaff(server, 'rosa');
    const sam = await addStaff(server, 'sam');
    const tablet = device(server, await signIn(server, 'rosa'));
    const before = await actions();
    const forged = await upload(tablet.headers, [viewed(sam.id, 1)]);
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'forbidden' } });
    const change = await upload(tablet.headers, [viewed(sam.id, 1, 'change')]);
    expect(change.status).toBe(400);
    expect(await actions()).toEqual(before);
  });

  it('refuses a "view" by a role that reads no patients, and records nothing', async () => {
    const admin = await addStaff(server, 'ada', 'admin');
    const desk = device(server, await signIn(server, 'ada'));
    const before = await actions();
    const refused = await upload(desk.headers, [viewed(admin.id, 1)]);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await chain()).filter((entry) => entry.action === 'view')).toEqual([]);
    expect((await actions()).length).toBe(before.length);
  });

  it.each([
    ['a day that does not exist (not rolled over to March 2)', '2026-02-30T10:00:00.000Z'],
    ['February 29 of a year without one', '2025-02-29T10:00:00.000Z'],
    ['the end of time', '9999-12-31T23:59:59.999Z'],
    ['two days ahead of the server', '2026-03-04T09:00:00.001Z'],
    ['a clock never set', '1970-01-01T00:00:00.000Z'],
    ['year zero', '0000-01-01T00:00:00.000Z'],
    ['a local time without Z', '2026-03-02T08:30:00'],
    ['an offset instead of UTC', '2026-03-02T08:30:00+01:00'],
    ['hour 24', '2026-03-02T24:00:00.000Z'],
  ])('refuses a device time of %s, and records nothing', async (_, deviceTime) => {
    const rosa = await addStaff(server, 'rosa');
    const tablet = device(server, await signIn(server, 'rosa'));
    const before = await actions();
    const refused = await upload(tablet.headers, [{ ...viewed(rosa.id, 1), deviceTime }]);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect(await actions()).toEqual(before);
  });

  it('takes a device time a little ahead of the server (a clock running fast)', async () => {
    const rosa = await addStaff(server, 'rosa');
    const tablet = device(server, await signIn(server, 'rosa'));
    const ahead = new Date(server.clock.now().getTime() + 60 * 60 * 1000).toISOString();
    const taken = await upload(tablet.headers, [{ ...viewed(rosa.id, 1), deviceTime: ahead }]);
    expect(taken.status).toBe(200);
    expect((await chain()).at(-1)?.deviceTime).toBe(ahead);
  });

  describe('the report', () => {
    let manager: string;
    beforeEach(async () => {
      await addStaff(server, 'olga', 'office-manager');
      await addStaff(server, 'rosa');
      manager = await signIn(server, 'olga');
      const tablet = device(server, await signIn(server, 'rosa'));
      await tablet.push('patients', [created(patient(1)), created(patient(2))]);
    });

    const report = async (query: string, cookie = manager) =>
      server.request(`/api/audit/v1/events${query}`, { headers: { cookie } });

    it('is only for the office manager and the administrator', async () => {
      const rosa = await signIn(server, 'rosa');
      expect((await report('', rosa)).status).toBe(403);
      expect((await server.request('/api/audit/v1/events')).status).toBe(401);
      expect(
        (await server.request('/api/audit/v1/events.csv', { headers: { cookie: rosa } })).status,
      ).toBe(403);
    });

    it('filters by user, by record and by time, newest first, in pages', async () => {
      const page = (await (await report('?username=ROSA&pageSize=2')).json()) as AuditReportPage;
      expect(page.total).toBe(3); // rosa's sign-in and her two registrations
      expect(page.entries.map((entry) => entry.action)).toEqual(['create', 'create']);
      const byRecord = (await (await report(`?record=${patient(2).id}`)).json()) as AuditReportPage;
      expect(byRecord.entries.map((entry) => entry.action)).toEqual(['create']);
      const later = new Date(server.clock.now().getTime() + 1).toISOString();
      const none = (await (await report(`?from=${later}`)).json()) as AuditReportPage;
      expect(none.total).toBe(0);
      expect((await report('?record=1%20OR%201=1')).status).toBe(400);
      expect((await report('?from=yesterday')).status).toBe(400);
      expect((await report('?pageSize=100000')).status).toBe(400);
    });

    it('exports CSV, and the export is itself recorded', async () => {
      const response = await server.request('/api/audit/v1/events.csv?username=rosa', {
        headers: { cookie: manager },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^position,server time,/);
      expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual([
        'sign-in',
        'create',
        'create',
      ]);
      const last = (await chain()).at(-1) as AuditEntry;
      expect(last).toMatchObject({
        action: 'export',
        username: 'olga',
        collection: 'audit-events',
        detail: 'rows=3 username=rosa',
      });
      expect(await verifyAuditTrail(server.store)).toMatchObject({ ok: true });
    });
  });
});
