import { describe, expect, it } from 'vitest';
import { auditTimes } from './audit-times.ts';

describe('auditTimes', () => {
  it('shows one time for what reached the server as it happened', () => {
    expect(
      auditTimes({
        serverTime: '2026-12-02T06:01:03.412Z',
        deviceTime: '2026-12-02T06:01:02.987Z',
      }),
    ).toEqual({ at: '2026-12-02T06:01:03.412Z', onDevice: null });
    expect(auditTimes({ serverTime: '2026-12-02T06:01:03.412Z', deviceTime: null })).toEqual({
      at: '2026-12-02T06:01:03.412Z',
      onDevice: null,
    });
  });

  it("also shows the device's time for what was recorded offline", () => {
    expect(
      auditTimes({
        serverTime: '2026-12-02T09:30:00.000Z',
        deviceTime: '2026-12-02T06:01:02.000Z',
      }),
    ).toEqual({ at: '2026-12-02T09:30:00.000Z', onDevice: '2026-12-02T06:01:02.000Z' });
  });
});
