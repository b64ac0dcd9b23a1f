import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicatePairsResponse } from '@clinicdesk/shared/charts/duplicate-review.ts';
import {
  addStaff,
  createTestServer,
  device,
  patient,
  signIn,
  type TestServer,
} from '../test-support.ts';
import type { PatientHistoryResponse } from './charts.routes.ts';

let server: TestServer;
let rosaId: string;
beforeEach(async () => {
  server = await createTestServer();
  rosaId = (await addStaff(server, 'rosa', 'front-desk')).id;
  await addStaff(server, 'omar', 'office-manager');
});
afterEach(() => server.close());

const json = { 'content-type': 'application/json' };

async function duplicates(tablet: ReturnType<typeof device>) {
  const response = await server.request('/api/charts/duplicates', { headers: tablet.headers });
  return { status: response.status, body: (await response.json()) as DuplicatePairsResponse };
}

// The same woman registered at two front desks while the network was down.
const atDeskA = patient(1, {
  givenName: 'Imelda',
  familyName: 'Varga',
  dateOfBirth: '1972-11-04',
  phone: '+15552010131',
});
const atDeskB = patient(2, {
  givenName: 'Imelda',
  familyName: 'Vargha',
  dateOfBirth: '1972-11-04',
});
// Someone else entirely.
const other = patient(3, {
  givenName: 'Bruno',
  familyName: 'Achterberg',
  dateOfBirth: '1999-01-30',
});

describe('duplicates found after sync', () => {
  it('lists charts registered on two devices as a likely pair for the office manager', async () => {
    const deskA = device(server, await signIn(server, 'rosa'));
    const deskB = device(server, await signIn(server, 'rosa'));
    await deskA.push('patients', [{ newDocumentState: atDeskA }, { newDocumentState: other }]);
    expect((await deskB.push('patients', [{ newDocumentState: atDeskB }])).status).toBe(200);

    const office = device(server, await signIn(server, 'omar'));
    const { status, body } = await duplicates(office);
    expect(status).toBe(200);
    expect(body.pairs).toHaveLength(1);
    expect(body.pairs[0]).toMatchObject({
      firstId: atDeskA.id,
      secondId: atDeskB.id,
      reasons: ['same date of birth', 'same first name', 'similar last name'],
      first: { familyName: 'Varga' },
      second: { familyName: 'Vargha' },
    });
    expect(body.pairs[0]?.score).toBeGreaterThanOrEqual(50);
    // The review list is for staff who may merge charts.
    expect((await duplicates(deskA)).status).toBe(403);
  });

  it('keeps a pair dismissed as "not the same person", even after later edits', async () => {
    const desk = device(server, await signIn(server, 'rosa'));
    await desk.push('patients', [{ newDocumentState: atDeskA }, { newDocumentState: atDeskB }]);
    const office = device(server, await signIn(server, 'omar'));
    const dismiss = (body: unknown, tablet = office) =>
      server.request('/api/charts/duplicates/dismiss', {
        method: 'POST',
        headers: { ...tablet.headers, ...json },
        body: JSON.stringify(body),
      });
    // Named either way round.
    expect((await dismiss({ firstId: atDeskB.id, secondId: atDeskA.id })).status).toBe(200);
    expect((await dismiss({ firstId: atDeskA.id, secondId: atDeskB.id }, desk)).status).toBe(403);
    expect((await dismiss({ firstId: atDeskA.id, secondId: other.id })).status).toBe(404);
    expect((await dismiss({ firstId: 'x', secondId: atDeskA.id })).status).toBe(400);

    const edited = { ...atDeskB, email: 'iv@example.org' };
    await desk.push('patients', [{ assumedMasterState: atDeskB, newDocumentState: edited }]);
    expect((await duplicates(office)).body.pairs).toEqual([]);
  });

  it('drops a pair once one of the charts is removed', async () => {
    const desk = device(server, await signIn(server, 'rosa'));
    await desk.push('patients', [{ newDocumentState: atDeskA }, { newDocumentState: atDeskB }]);
    const office = device(server, await signIn(server, 'omar'));
    expect((await duplicates(office)).body.pairs).toHaveLength(1);
    await desk.push('patients', [
      { assumedMasterState: atDeskB, newDocumentState: { ...atDeskB, _deleted: true } },
    ]);
    expect((await duplicates(office)).body.pairs).toEqual([]);
  });
});

describe('a merged-away chart', () => {
  it('can be written only by staff who merge charts', async () => {
    const desk = device(server, await signIn(server, 'rosa'));
    await desk.push('patients', [{ newDocumentState: atDeskA }, { newDocumentState: atDeskB }]);
    const mergedAway = { ...atDeskB, mergedInto: atDeskA.id };
    const fromDesk = await desk.push('patients', [
      { assumedMasterState: atDeskB, newDocumentState: mergedAway },
    ]);
    expect(await fromDesk.json()).toMatchObject({
      rejected: [{ id: atDeskB.id, code: 'forbidden' }],
    });
    const office = device(server, await signIn(server, 'omar'));
    const fromOffice = await office.push('patients', [
      { assumedMasterState: atDeskB, newDocumentState: mergedAway },
    ]);
    expect(await fromOffice.json()).toMatchObject({ conflicts: [], rejected: [] });
    // The pair left the review list with the merge.
    expect((await duplicates(office)).body.pairs).toEqual([]);
  });
});

describe('a patient’s change history', () => {
  it('shows each change by field label, with who, which device and when', async () => {
    const desk = device(server, await signIn(server, 'rosa'));
    await desk.push('patients', [{ newDocumentState: atDeskA }]);
    server.clock.advance(60_000);
    const edited = {
      ...atDeskA,
      phone: '+15552010199',
      updatedAt: '2026-03-02T08:30:00.000Z',
      editedBy: { userId: rosaId, name: 'Test rosa', deviceId: desk.deviceId },
    };
    await desk.push('patients', [{ assumedMasterState: atDeskA, newDocumentState: edited }]);

    const response = await server.request(`/api/charts/${atDeskA.id}/history`, {
      headers: desk.headers,
    });
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as PatientHistoryResponse;
    expect(entries.map((entry) => entry.kind)).toEqual(['registered', 'changed']);
    expect(entries[1]).toMatchObject({
      changes: [{ label: 'Preferred phone', before: '(555) 201-0131', after: '(555) 201-0199' }],
      editedAt: '2026-03-02T08:30:00.000Z',
      by: { kind: 'staff', name: 'Test rosa', deviceId: desk.deviceId },
    });
    expect(entries[0]?.by).toEqual({
      kind: 'staff',
      name: 'Test rosa',
      deviceId: desk.deviceId,
      deviceName: null,
    });

    const missing = await server.request(`/api/charts/${other.id}/history`, {
      headers: desk.headers,
    });
    expect(missing.status).toBe(404);
    const signedOut = await server.request(`/api/charts/${atDeskA.id}/history`);
    expect(signedOut.status).toBe(401);
  });

  it("credits the server's session, never the document's stamp", async () => {
    const office = device(server, await signIn(server, 'omar'));
    const omar = await server.store.findUserByUsername('omar');
    const managers = {
      ...atDeskA,
      editedBy: { userId: omar?.id ?? '', name: 'Test omar', deviceId: office.deviceId },
    };
    await office.push('patients', [{ newDocumentState: managers }]);

    // The front desk keeps the manager's stamp (a carried-over stamp is allowed: merges must),
    // and then signs an edit in its own ids under a name of its choosing.
    const desk = device(server, await signIn(server, 'rosa'));
    const keptStamp = { ...managers, phone: '+15552010177', updatedAt: '2026-03-02T08:40:00.000Z' };
    const renamed = {
      ...keptStamp,
      middleName: 'Jo',
      updatedAt: '2026-03-02T08:41:00.000Z',
      editedBy: { userId: rosaId, name: 'Dr. Somebody Else', deviceId: desk.deviceId },
    };
    for (const [assumed, next] of [
      [managers, keptStamp],
      [keptStamp, renamed],
    ] as const) {
      const pushed = await desk.push('patients', [
        { assumedMasterState: assumed, newDocumentState: next },
      ]);
      expect(await pushed.json()).toMatchObject({ conflicts: [], rejected: [] });
    }

    const response = await server.request(`/api/charts/${atDeskA.id}/history`, {
      headers: office.headers,
    });
    const { entries } = (await response.json()) as PatientHistoryResponse;
    expect(entries.map((entry) => entry.by)).toEqual([
      { kind: 'staff', name: 'Test omar', deviceId: office.deviceId, deviceName: null },
      { kind: 'staff', name: 'Test rosa', deviceId: desk.deviceId, deviceName: null },
      { kind: 'staff', name: 'Test rosa', deviceId: desk.deviceId, deviceName: null },
    ]);
    expect(JSON.stringify(entries)).not.toContain('Somebody');
  });

  it('names the server as the writer of what it set up itself, with no device', async () => {
    await server.store.push(
      'patients',
      [{ next: atDeskA }],
      { userId: 'seed', deviceId: 'seed' },
      server.clock.now(),
    );
    const desk = device(server, await signIn(server, 'rosa'));
    const response = await server.request(`/api/charts/${atDeskA.id}/history`, {
      headers: desk.headers,
    });
    const { entries } = (await response.json()) as PatientHistoryResponse;
    expect(entries.map((entry) => entry.by)).toEqual([{ kind: 'setup' }]);
  });
});
