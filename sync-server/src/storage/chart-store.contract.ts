/**
 * The behaviour of `Store.charts` on every store; run from `describeStoreContract`, so it holds
 * on SQLite and on PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import { patient, TEST_START } from '../test-support.ts';
import type { Store } from './store.ts';

const DEVICE_A = '0195a0c4-3333-7000-8000-00000000000a';
const DEVICE_B = '0195a0c4-3333-7000-8000-00000000000b';
const WRITER = { userId: 'user-1', deviceId: DEVICE_A };

export function describeChartStoreContract(current: () => Store) {
  describe('chart numbers', () => {
    const reserve = (requestId: string, deviceId: string, count: number) =>
      current().charts.reserveChartSerials({
        requestId,
        deviceId,
        userId: 'user-1',
        count,
        at: TEST_START,
      });

    it('hands out consecutive blocks from 100000 that never overlap', async () => {
      expect(await reserve('r1', DEVICE_A, 50)).toEqual({ first: 100_000, last: 100_049 });
      expect(await reserve('r2', DEVICE_B, 50)).toEqual({ first: 100_050, last: 100_099 });
      expect(await reserve('r3', DEVICE_A, 1)).toEqual({ first: 100_100, last: 100_100 });
    });

    it('gives a retried request its first block back instead of a second one', async () => {
      const first = await reserve('lost-answer', DEVICE_A, 20);
      expect(await reserve('lost-answer', DEVICE_A, 20)).toEqual(first);
      expect(await reserve('next', DEVICE_A, 20)).toEqual({
        first: first.last + 1,
        last: first.last + 20,
      });
    });

    it("never gives another device's request id the block it got (a replay is a new request)", async () => {
      const first = await reserve('0195a0c4-3333-7000-8000-0000000000f1', DEVICE_A, 20);
      const replayed = await reserve('0195a0c4-3333-7000-8000-0000000000f1', DEVICE_B, 20);
      expect(replayed).toEqual({ first: first.last + 1, last: first.last + 20 });
      // Each device still gets its own block back on its own retry.
      expect(await reserve('0195a0c4-3333-7000-8000-0000000000f1', DEVICE_A, 20)).toEqual(first);
      expect(await reserve('0195a0c4-3333-7000-8000-0000000000f1', DEVICE_B, 20)).toEqual(replayed);
    });

    it('never gives two of many simultaneous requests the same number', async () => {
      const blocks = await Promise.all(
        Array.from({ length: 24 }, (_, n) => reserve(`r${n}`, n % 2 ? DEVICE_A : DEVICE_B, 7)),
      );
      const serials = blocks.flatMap(({ first, last }) =>
        Array.from({ length: last - first + 1 }, (_, i) => first + i),
      );
      expect(serials).toHaveLength(24 * 7);
      expect(new Set(serials).size).toBe(24 * 7);
      expect(Math.min(...serials)).toBe(100_000);
      expect(Math.max(...serials)).toBe(100_000 + 24 * 7 - 1);
    });
  });

  describe('chart number holders', () => {
    it('finds every chart holding one of the numbers, removed and merged ones too', async () => {
      const store = current();
      const held = [
        patient(1, { chartNumber: '100000-7' }),
        patient(2, { chartNumber: '100001-5', _deleted: true }),
        patient(3, { chartNumber: '100002-3', mergedInto: patient(1).id }),
        patient(4, { chartNumber: '100003-1' }),
        patient(5),
      ];
      await store.push(
        'patients',
        held.map((next) => ({ next })),
        WRITER,
        TEST_START,
      );
      expect(
        await store.charts.chartNumberHolders(['100000-7', '100001-5', '100002-3', '999999-9']),
      ).toEqual(
        [1, 2, 3]
          .map((n) => ({ chartNumber: held[n - 1]!.chartNumber, id: patient(n).id }))
          .sort((x, y) => x.id.localeCompare(y.id)),
      );
      expect(await store.charts.chartNumberHolders([])).toEqual([]);
    });
  });

  describe('duplicate review', () => {
    const a = patient(1);
    const b = patient(2);
    const c = patient(3);
    const pair = { firstId: a.id, secondId: b.id };

    it('finds patients by shared blocking keys, not themselves, not removed ones', async () => {
      const store = current();
      await store.push(
        'patients',
        [a, b, c, patient(4, { _deleted: true })].map((next) => ({ next })),
        WRITER,
        TEST_START,
      );
      expect((await store.charts.patientsNotChecked(10)).map((doc) => doc.id)).toEqual(
        [a, b, c, patient(4)].map((doc) => doc.id),
      );
      await store.charts.setPatientMatchKeys(a.id, ['dob:1980-05-17', 'ph:+15552010100']);
      await store.charts.setPatientMatchKeys(b.id, ['dob:1980-05-17']);
      await store.charts.setPatientMatchKeys(c.id, ['dob:1990-01-01']);
      await store.charts.setPatientMatchKeys(patient(4).id, ['dob:1980-05-17']);
      expect(
        await store.charts.currentDocuments('patients', [c.id, 'nobody', patient(4).id, a.id]),
      ).toEqual([a, c, patient(4, { _deleted: true })].sort((x, y) => x.id.localeCompare(y.id)));
      expect(await store.charts.patientsNotChecked(10)).toEqual([]);
      const found = await store.charts.patientsSharingKeys(c.id, ['dob:1980-05-17'], 10);
      expect(found.map((doc) => doc.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.charts.patientsSharingKeys(a.id, ['dob:1980-05-17'], 10)).toEqual([b]);
      // Keys are replaced, not added to.
      await store.charts.setPatientMatchKeys(b.id, ['dob:1999-09-09']);
      expect(await store.charts.patientsSharingKeys(a.id, ['dob:1980-05-17'], 10)).toEqual([]);
    });

    it('lists open pairs with both charts, remembers a dismissal, and drops merged charts', async () => {
      const store = current();
      await store.push(
        'patients',
        [a, b, c].map((next) => ({ next })),
        WRITER,
        TEST_START,
      );
      await store.charts.recordDuplicatePairs(
        [
          { ...pair, score: 80, reasons: ['same date of birth'] },
          { firstId: a.id, secondId: c.id, score: 60, reasons: ['same phone'] },
        ],
        TEST_START,
      );
      const open = await store.charts.listOpenDuplicatePairs(10);
      expect(open.map((p) => [p.firstId, p.secondId, p.score, p.reasons])).toEqual([
        [a.id, b.id, 80, ['same date of birth']],
        [a.id, c.id, 60, ['same phone']],
      ]);
      expect(open[0]?.first).toEqual(a);
      expect(open[0]?.second).toEqual(b);
      expect(open[0]?.foundAt).toEqual(TEST_START);

      expect(await store.charts.dismissDuplicatePair(pair, WRITER, TEST_START)).toBe(true);
      expect(
        await store.charts.dismissDuplicatePair(
          { firstId: b.id, secondId: c.id },
          WRITER,
          TEST_START,
        ),
      ).toBe(false);
      // Found again after a later edit: stays dismissed.
      await store.charts.recordDuplicatePairs(
        [{ ...pair, score: 90, reasons: ['same phone'] }],
        TEST_START,
      );
      expect((await store.charts.listOpenDuplicatePairs(10)).map((p) => p.secondId)).toEqual([
        c.id,
      ]);

      await store.charts.closeDuplicatePairsOf(c.id);
      expect(await store.charts.listOpenDuplicatePairs(10)).toEqual([]);
    });

    it('keeps every pair of a push that finds the same pair twice, from both of its charts', async () => {
      const store = current();
      await store.push(
        'patients',
        [a, b, c].map((next) => ({ next })),
        WRITER,
        TEST_START,
      );
      await store.charts.recordDuplicatePairs(
        [{ ...pair, score: 80, reasons: ['same date of birth'] }],
        TEST_START,
      );
      // One push edited both a and b: each found the other, and a also found c.
      await store.charts.recordDuplicatePairs(
        [
          { ...pair, score: 85, reasons: ['same date of birth'] },
          { firstId: a.id, secondId: c.id, score: 60, reasons: ['same phone'] },
          { ...pair, score: 90, reasons: ['same date of birth', 'same phone'] },
        ],
        TEST_START,
      );
      const open = await store.charts.listOpenDuplicatePairs(10);
      expect(open.map((p) => [p.firstId, p.secondId, p.score, p.reasons])).toEqual([
        [a.id, b.id, 90, ['same date of birth', 'same phone']],
        [a.id, c.id, 60, ['same phone']],
      ]);
    });
  });

  describe('change history', () => {
    it('lists every version of a record with its writer, oldest first', async () => {
      const store = current();
      await store.createUser({
        id: 'user-1',
        username: 'rosa',
        displayName: 'Rosa Diaz',
        role: 'front-desk',
        passwordHash: 'x',
        active: true,
        createdAt: TEST_START,
        demoAccount: false,
      });
      const v1 = patient(1);
      const v2 = { ...v1, phone: '+15552010122' };
      const later = new Date(TEST_START.getTime() + 60_000);
      await store.push('patients', [{ next: v1 }, { next: patient(2) }], WRITER, TEST_START);
      await store.push(
        'patients',
        [{ assumed: v1, next: v2 }],
        { userId: 'gone', deviceId: DEVICE_B },
        later,
      );
      // The device's name, as staff gave it on the Devices page, is the one history shows.
      await store.recordDevice({ deviceId: DEVICE_A, userId: 'user-1', seenAt: TEST_START });
      await store.nameDevice(DEVICE_A, 'Front desk tablet 2');
      const history = await store.charts.documentHistory('patients', v1.id);
      expect(history).toEqual([
        {
          seq: 1,
          data: v1,
          serverTime: TEST_START,
          userId: 'user-1',
          userName: 'Rosa Diaz',
          deviceId: DEVICE_A,
          deviceName: 'Front desk tablet 2',
        },
        {
          seq: 3,
          data: v2,
          serverTime: later,
          userId: 'gone',
          userName: null,
          deviceId: DEVICE_B,
          deviceName: null,
        },
      ]);
      expect(await store.charts.documentHistory('patients', 'nobody')).toEqual([]);
    });
  });
}
