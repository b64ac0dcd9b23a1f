import { describe, expect, it } from 'vitest';
import { trashExpiry, validateTrashPeriod } from './trash-expiry.ts';

describe('trash expiry', () => {
  it('empties 30 days of 24 hours after the document went in, leap day included', () => {
    expect(trashExpiry('2026-03-01T15:30:00.000Z', 30)).toBe('2026-03-31T15:30:00.000Z');
    expect(trashExpiry('2028-02-15T00:00:00.000Z', 30)).toBe('2028-03-16T00:00:00.000Z');
  });

  it('reads a stamp with an offset as the instant it names', () => {
    expect(trashExpiry('2026-03-01T10:00:00-05:00', 1)).toBe('2026-03-02T15:00:00.000Z');
  });

  it('gives no expiry for a stamp it cannot read', () => {
    expect(trashExpiry('last Tuesday', 30)).toBeNull();
  });

  it("accepts whole days from 1 to 365 for the practice's period", () => {
    expect(validateTrashPeriod(1)).toEqual({ ok: true, value: 1 });
    expect(validateTrashPeriod(365).ok).toBe(true);
    for (const bad of [0, -3, 1.5, 366, Number.NaN])
      expect(validateTrashPeriod(bad)).toMatchObject({
        ok: false,
        error: { code: 'trash-period-invalid' },
      });
    expect(() => trashExpiry('2026-03-01T00:00:00.000Z', 0)).toThrow(RangeError);
  });
});
