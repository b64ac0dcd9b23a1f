import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { recordRelease } from '@clinicdesk/shared/disclosures/record-release.ts';
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import type { PullResponse, PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStaff, changed, created, createTestServer, device, signIn, type TestServer } from '../test-support.ts'; // prettier-ignore

/**
 * The disclosures partition through the sync API (issue 12.8): every row judged on the server
 * as on the device — the release log never reaches a clinician's device, an accountable release
 * is the office manager's, and whether a disclosure is accounted for cannot be typed.
 */
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const id = (n: number) => `019d5000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const NOW = '2026-03-10T15:00:00.000Z';

async function deskOf(username: string, role: Role) {
  const user = await addStaff(server, username, role);
  const d = device(server, await signIn(server, username));
  const stamp = { at: NOW, by: { userId: user.id, name: user.displayName, deviceId: d.deviceId } };
  return { ...d, stamp, role };
}

function request(
  n: number,
  stamp: ReleaseRequest['recorded'],
  purpose: 'court-order-or-subpoena' | 'to-the-patient',
): ReleaseRequest {
  // prettier-ignore
  return {
    id: id(n),
    kind: 'releaseRequest',
    patientId: id(900),
    requester: { name: 'Dana Whitfield', address: '12 Court Street\nSpringfield, IL 62701' },
    recordsRequested: 'All records since 2024',
    purpose,
    basis: { legalBasis: purpose === 'to-the-patient' ? 'Right of access' : 'Subpoena, Case 2026-CV-0192' }, // prettier-ignore
    receivedOn: '2026-03-02',
    status: 'received',
    recorded: stamp,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function released(req: ReleaseRequest, n: number, desk: Awaited<ReturnType<typeof deskOf>>) {
  const made = recordRelease({
    id: id(n),
    now: NOW,
    role: 'office-manager',
    stamp: desk.stamp,
    request: req,
    documents: [{ documentId: id(800), versionId: id(801), sha256: 'a'.repeat(64), pageCount: 2 }],
    releasePackage: { sha256: 'b'.repeat(64), pageCount: 3 },
    description: 'Office notes, 2024–2026',
    disclosedOn: '2026-03-10',
    delivery: { method: 'mail' },
  });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const wire = <T extends object>(doc: T) => ({ ...doc, _deleted: false });

async function push(
  d: { push: (c: string, rows: unknown) => Response | Promise<Response> },
  rows: unknown[],
) {
  const response = await d.push('disclosures', rows);
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

describe('the disclosures partition on the server', () => {
  it('stores the desk’s release to the patient, refuses it a subpoena release, takes the office manager’s', async () => {
    const rosa = await deskOf('rosa', 'front-desk');
    const olga = await deskOf('olga', 'office-manager');
    const toPatient = request(1, rosa.stamp, 'to-the-patient');
    const subpoena = request(2, rosa.stamp, 'court-order-or-subpoena');
    expect(await push(rosa, [created(wire(toPatient)), created(wire(subpoena))])).toMatchObject({ rejected: [] }); // prettier-ignore

    const deskRelease = released(toPatient, 10, rosa);
    expect(await push(rosa, [created(wire(deskRelease.disclosure)), changed(wire(toPatient), wire(deskRelease.request))])).toMatchObject({ rejected: [], conflicts: [] }); // prettier-ignore
    const refused = released(subpoena, 11, rosa);
    const answer = await push(rosa, [created(wire(refused.disclosure))]);
    expect(answer.rejected.map((r) => r.code)).toEqual(['forbidden']);

    const managed = released(subpoena, 12, olga);
    expect(await push(olga, [created(wire(managed.disclosure)), changed(wire(subpoena), wire(managed.request))])).toMatchObject({ rejected: [], conflicts: [] }); // prettier-ignore

    const page = (await (await rosa.pull('disclosures')).json()) as PullResponse;
    const accountable = page.documents.filter((d) => d.kind === 'disclosure').map((d) => [d.id, d.accountable]); // prettier-ignore
    expect(accountable.sort()).toEqual([
      [id(10), false],
      [id(12), true],
    ]);
  });

  it('refuses a disclosure whose accountability was typed, and a request moved back', async () => {
    const olga = await deskOf('olga', 'office-manager');
    const subpoena = request(3, olga.stamp, 'court-order-or-subpoena');
    const { disclosure, request: answered } = released(subpoena, 13, olga);
    const forged = await push(olga, [created(wire(subpoena)), created(wire({ ...disclosure, accountable: false }))]); // prettier-ignore
    expect(forged.rejected).toEqual([
      expect.objectContaining({ id: id(13), code: 'invalid-document', issues: [expect.objectContaining({ path: 'accountable' })] }), // prettier-ignore
    ]);
    await push(olga, [changed(wire(subpoena), wire(answered))]);
    const back = await push(olga, [changed(wire(answered), wire({ ...answered, status: 'in-progress', answeredOn: undefined }))]); // prettier-ignore
    expect(back.rejected.map((r) => r.message)).toEqual(['This request was released and stays so; a new request starts a new release']); // prettier-ignore
  });

  it('never lets a clinician read or write the release log', async () => {
    const carl = await deskOf('carl', 'clinician');
    expect((await carl.pull('disclosures')).status).toBe(403);
    expect((await carl.push('disclosures', [created(wire(request(4, carl.stamp, 'to-the-patient')))])).status).toBe(403); // prettier-ignore
  });
});
