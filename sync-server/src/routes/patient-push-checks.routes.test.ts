import type { PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
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

/**
 * What the server checks of pushed patients beyond the schema: no birth date after today, and a
 * chart number names one chart for good.
 */
let server: TestServer;
let desk: ReturnType<typeof device>;

beforeEach(async () => {
  server = await createTestServer();
  await addStaff(server, 'rosa');
  const deviceId = crypto.randomUUID();
  desk = device(server, await signIn(server, 'rosa', { deviceId }), deviceId);
});
afterEach(() => server.close());

async function push(rows: unknown[]): Promise<PushResponse> {
  const response = await desk.push('patients', rows);
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}

const TAKEN = {
  code: 'invalid-document',
  message: 'This chart number belongs to another chart',
  issues: [{ path: 'chartNumber', message: 'This chart number belongs to another chart' }],
};

describe('chart numbers on push', () => {
  it('refuses a chart number another chart holds, and keeps the rows beside it', async () => {
    const first = patient(1, { chartNumber: '100000-7' });
    expect(await push([created(first)])).toMatchObject({ conflicts: [], rejected: [] });

    const thief = patient(2, { chartNumber: '100000-7' });
    const other = patient(3, { chartNumber: '100001-5' });
    expect(await push([created(thief), created(other)])).toMatchObject({
      conflicts: [],
      rejected: [{ id: thief.id, ...TAKEN }],
    });
    const stored = (await server.store.pull('patients', 0, 10)).documents;
    expect(stored.map((doc) => doc.id)).toEqual([first.id, other.id]);

    // The chart that holds the number keeps it through its own edits.
    const edited = { ...first, phone: '+15552010100' };
    expect(await push([changed(first, edited)])).toMatchObject({ conflicts: [], rejected: [] });
  });

  it('refuses two new charts pushed together with one number', async () => {
    const [a, b] = [
      patient(4, { chartNumber: '100002-3' }),
      patient(5, { chartNumber: '100002-3' }),
    ];
    expect(await push([created(a), created(b)])).toMatchObject({
      conflicts: [],
      rejected: [
        { id: a.id, ...TAKEN },
        { id: b.id, ...TAKEN },
      ],
    });
    expect((await server.store.pull('patients', 0, 10)).documents).toEqual([]);
  });

  it('leaves provisional numbers alone: two offline devices may give the same one', async () => {
    const [a, b] = [
      patient(6, { chartNumber: 'P-0A1B-1' }),
      patient(7, { chartNumber: 'P-0A1B-1' }),
    ];
    expect(await push([created(a), created(b)])).toMatchObject({ conflicts: [], rejected: [] });
  });
});

describe('birth dates on push', () => {
  // The test clock stands at 2026-03-02T09:00Z.
  it('refuses a birth date after today, allowing the day ahead a desk east of UTC is in', async () => {
    const future = patient(8, { dateOfBirth: '2026-03-04' });
    const tomorrow = patient(9, { dateOfBirth: '2026-03-03' });
    const message = 'A date of birth cannot be in the future';
    expect(await push([created(future), created(tomorrow)])).toMatchObject({
      conflicts: [],
      rejected: [
        {
          id: future.id,
          code: 'invalid-document',
          message,
          issues: [{ path: 'dateOfBirth', message }],
        },
      ],
    });
    expect((await server.store.pull('patients', 0, 10)).documents.map((doc) => doc.id)).toEqual([
      tomorrow.id,
    ]);
  });

  it('refuses a guarantor born in the future', async () => {
    const doc = patient(10, {
      guarantor: {
        givenName: 'Dana',
        familyName: 'Quill',
        relationship: 'parent',
        dateOfBirth: '2030-01-01',
      },
    });
    const { rejected } = await push([created(doc)]);
    expect(rejected.map((row) => row.issues)).toEqual([
      [{ path: 'guarantor.dateOfBirth', message: 'A date of birth cannot be in the future' }],
    ]);
  });
});
