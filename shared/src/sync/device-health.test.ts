import { describe, expect, it } from 'vitest';
import { deviceTag } from '../charts/chart-number.ts';
import {
  deviceAttention,
  deviceLabel,
  deviceReportSchema,
  retireProblem,
} from './device-health.ts';

const now = new Date('2026-11-26T16:00:00.000Z');
const report = {
  pendingChanges: 0,
  oldestPendingAt: null,
  lastSyncAt: '2026-11-26T15:59:00.000Z',
  appVersion: '1',
  storagePersisted: true,
  reportedAt: '2026-11-26T15:59:00.000Z',
};

describe('deviceAttention', () => {
  it('is quiet for a device in step with the server', () => {
    expect(deviceAttention({ lastSeenAt: '2026-11-26T15:59:00.000Z', report }, now)).toBeNull();
  });

  it('warns about changes held for more than four hours', () => {
    const held = { ...report, pendingChanges: 3, oldestPendingAt: '2026-11-26T11:30:00.000Z' };
    expect(deviceAttention({ lastSeenAt: '2026-11-26T15:59:00.000Z', report: held }, now)).toBe(
      'changes-waiting-long',
    );
    const recent = { ...held, oldestPendingAt: '2026-11-26T12:30:00.000Z' };
    expect(
      deviceAttention({ lastSeenAt: '2026-11-26T15:59:00.000Z', report: recent }, now),
    ).toBeNull();
  });

  it('warns first about a device gone silent with changes on it', () => {
    const held = { ...report, pendingChanges: 1, oldestPendingAt: '2026-11-24T09:00:00.000Z' };
    expect(deviceAttention({ lastSeenAt: '2026-11-25T09:00:00.000Z', report: held }, now)).toBe(
      'silent-with-changes',
    );
  });

  it('warns when the browser may evict the data', () => {
    expect(
      deviceAttention(
        { lastSeenAt: now.toISOString(), report: { ...report, storagePersisted: false } },
        now,
      ),
    ).toBe('storage-not-persisted');
  });
});

describe('deviceReportSchema', () => {
  it('refuses negative counts and unknown fields', () => {
    const { reportedAt: _r, ...body } = report;
    expect(deviceReportSchema.safeParse(body).success).toBe(true);
    expect(deviceReportSchema.safeParse({ ...body, pendingChanges: -1 }).success).toBe(false);
    expect(deviceReportSchema.safeParse({ ...body, extra: 1 }).success).toBe(false);
  });
});

describe('deviceLabel', () => {
  const here = '0195a0c4-3333-7000-8000-00000000000a';
  const there = '0195a0c4-3333-7000-8000-0000000000a4';

  it('uses the name staff gave a device, wherever it is shown', () => {
    expect(deviceLabel({ deviceId: there, name: 'Front desk tablet 2' }, here)).toBe(
      'Front desk tablet 2',
    );
    expect(deviceLabel({ deviceId: here, name: 'Office PC' }, here)).toBe(
      'Office PC (this device)',
    );
  });

  it('falls back to the tag its provisional chart numbers carry, never NaN', () => {
    expect(deviceLabel({ deviceId: there }, here)).toBe(`Device ${deviceTag(there)}`);
    expect(deviceLabel({ deviceId: here, name: null }, here)).toBe('This device');
    // What the server wrote itself carries no real device id ("seed" read as hex was 0NAN).
    expect(deviceLabel({ deviceId: 'seed' }, here)).toBe('an unknown device');
    expect(deviceLabel({ deviceId: null }, here)).toBe('an unknown device');
  });
});

describe('retireProblem', () => {
  it('refuses to retire a device that still holds unsynced changes', () => {
    expect(retireProblem({ report: { ...report, pendingChanges: 1 } })).toMatch(
      /1 unsynced change:/,
    );
    expect(retireProblem({ report })).toBeNull();
    expect(retireProblem({ report: null })).toBeNull();
  });
});
