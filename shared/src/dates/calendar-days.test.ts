import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
} from './calendar-days.ts';

describe('calendar days', () => {
  it('knows real dates from impossible ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('counts days across month, year and leap-day edges', () => {
    expect(addDays('2026-01-01', 30)).toBe('2026-01-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-05', '2026-03-01')).toBe(-4);
  });

  it('places 29 February by the rule the caller names', () => {
    expect(addYears('2020-02-29', 7, 'march-1')).toBe('2027-03-01');
    expect(addYears('2020-02-29', 7, 'february-28')).toBe('2027-02-28');
    expect(addYears('2020-02-29', 4, 'march-1')).toBe('2024-02-29');
    expect(addYears('2030-06-15', -6, 'february-28')).toBe('2024-06-15');
    expect(() => addYears('2026-02-30', 1, 'march-1')).toThrow(RangeError);
  });

  it('agrees with the UTC calendar for every day from 1850 to 2199', () => {
    const first = Date.UTC(1850, 0, 1) / 86_400_000;
    const last = Date.UTC(2199, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (days) => {
        const iso = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(days)).toBe(iso);
        expect(toDayNumber(iso)).toBe(days);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});
