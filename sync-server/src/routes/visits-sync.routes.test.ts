import { arriveVisit, moveVisit } from '@clinicdesk/shared/checkin/visit-steps.ts';
import type { PullResponse, PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStaff,
  changed,
  created,
  createTestServer,
  device,
  patient,
  signIn,
  type TestServer,
} from '../test-support.ts';

/** The check-in board's visits sync like patients: validated per row, moved step by step. */
let server: TestServer;
let deskA: ReturnType<typeof device>;
let deskB: ReturnType<typeof device>;
let rosa: { id: string; displayName: string };

beforeEach(async () => {
  server = await createTestServer();
  rosa = await addStaff(server, 'rosa');
  deskA = device(server, await signIn(server, 'rosa'));
  deskB = device(server, await signIn(server, 'rosa'));
  // A check-in names a chart the practice has (visit-push-checks.ts).
  await deskA.push(
    'patients',
    [1, 2, 3].map((n) => created(patient(n))),
  );
});
afterEach(() => server.close());

/** Steps are signed by the person and device that push them (the server checks). */
const editor = (deviceId: string) => ({ userId: rosa.id, name: rosa.displayName, deviceId });
const at = (time: string) => new Date(`2026-11-26T${time}:00.000Z`);

async function push(d: typeof deskA, rows: unknown[]): Promise<PushResponse> {
  const response = await d.push('visits', rows);
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

describe('visits sync', () => {
  it('stores an arrival and its next step, and another desk pulls the latest state', async () => {
    const arrived = arriveVisit(
      { patientId: patient(1).id, visitType: 'walk-in' },
      '2026-11-26',
      0,
      editor(deskA.deviceId),
      at('09:00'),
    );
    const first = { ...arrived, _deleted: false };
    expect(await push(deskA, [created(first)])).toMatchObject({ conflicts: [], rejected: [] });
    const roomed = moveVisit(
      arrived,
      { to: 'in-room', room: 'Exam 2' },
      editor(deskA.deviceId),
      at('09:20'),
    );
    if (!roomed.ok) throw new Error('expected a move');
    const second = { ...roomed.value, _deleted: false };
    expect(await push(deskA, [changed(first, second)])).toMatchObject({
      conflicts: [],
      rejected: [],
    });

    const response = await deskB.pull('visits');
    const page = (await response.json()) as PullResponse;
    expect(page.documents).toEqual([second]);
  });

  it('refuses a visit with a made-up state field or a step without who', async () => {
    const arrived = {
      ...arriveVisit(
        { patientId: patient(2).id, visitType: 'appointment', appointmentTime: '10:15' },
        '2026-11-26',
        0,
        editor(deskA.deviceId),
        at('10:05'),
      ),
      _deleted: false,
    };
    const withState = { ...arrived, id: arrived.id.replace('-0-', '-1-'), state: 'in-room' };
    const stepWithoutWho = {
      ...arrived,
      id: arrived.id.replace('-0-', '-2-'),
      roomed: { at: '2026-11-26T10:20:00.000Z' },
    };
    const badTime = { ...arrived, id: arrived.id.replace('-0-', '-3-'), appointmentTime: '25:00' };
    const result = await push(deskA, [
      created(withState),
      created(stepWithoutWho),
      created(badTime),
      created(arrived),
    ]);
    expect(result.rejected.map(({ id, code }) => ({ id, code }))).toEqual([
      { id: withState.id, code: 'invalid-document' },
      { id: stepWithoutWho.id, code: 'invalid-document' },
      { id: badTime.id, code: 'invalid-document' },
    ]);
    expect(result.rejected[2]?.issues).toEqual([
      { path: 'appointmentTime', message: 'Enter the time as HH:MM' },
    ]);
    const page = (await (await deskB.pull('visits')).json()) as PullResponse;
    expect(page.documents.map((doc) => doc.id)).toEqual([arrived.id]);
  });
});

describe('visits sync and roles', () => {
  it('lets a clinician room a patient but refuses an administrator, who has no patient data', async () => {
    const clinician = await addStaff(server, 'cleo', 'clinician');
    const admin = await addStaff(server, 'ada', 'admin');
    const ward = device(server, await signIn(server, 'cleo'));
    const itDesk = device(server, await signIn(server, 'ada'));
    const arrived = {
      ...arriveVisit(
        { patientId: patient(3).id, visitType: 'walk-in' },
        '2026-11-26',
        0,
        editor(deskA.deviceId),
        at('11:00'),
      ),
      _deleted: false,
    };
    expect(await push(deskA, [created(arrived)])).toMatchObject({ conflicts: [], rejected: [] });
    const signer = { userId: clinician.id, name: clinician.displayName, deviceId: ward.deviceId };
    const roomed = moveVisit(arrived, { to: 'in-room' }, signer, at('11:10'));
    if (!roomed.ok) throw new Error('expected a move');
    expect(
      await push(ward, [changed(arrived, { ...roomed.value, _deleted: false })]),
    ).toMatchObject({
      conflicts: [],
      rejected: [],
    });
    expect(admin.role).toBe('admin');
    expect((await itDesk.pull('visits')).status).toBe(403);
  });
});

describe('a visit for a patient the practice has no record of', () => {
  it('is refused on its own, with the field named, and nothing of it is stored', async () => {
    const known = { ...arriveVisit({ patientId: patient(1).id, visitType: 'walk-in' }, '2026-11-26', 0, editor(deskA.deviceId), at('11:00')), _deleted: false }; // prettier-ignore
    const unknown = { ...arriveVisit({ patientId: patient(99).id, visitType: 'walk-in' }, '2026-11-26', 0, editor(deskA.deviceId), at('11:05')), _deleted: false }; // prettier-ignore
    const answer = await push(deskA, [created(known), created(unknown)]);
    expect(answer.conflicts).toEqual([]);
    expect(answer.rejected).toEqual([
      expect.objectContaining({ id: unknown.id, code: 'invalid-document', issues: [expect.objectContaining({ path: 'patientId' })] }), // prettier-ignore
    ]);
    const page = (await (await deskB.pull('visits')).json()) as PullResponse;
    expect(page.documents.map((doc) => doc.id)).toEqual([known.id]);
  });
});
