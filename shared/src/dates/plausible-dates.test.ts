import { describe, expect, it } from 'vitest';
import { birthDate, birthDatesAfter, calendarDate, deviceStamp } from './plausible-dates.ts';

const messageOf = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('plausible dates', () => {
  it('refuses birth dates no living person has, with a message per kind', () => {
    expect(birthDate().safeParse('1980-05-17').success).toBe(true);
    expect(messageOf(birthDate().safeParse('0000-01-01'))).toBe(
      'The date of birth cannot be before 1875',
    );
    expect(messageOf(birthDate().safeParse('9999-12-31'))).toBe(
      'The date of birth is too far in the future',
    );
    expect(messageOf(birthDate('subscriber date of birth').safeParse('1980-02-30'))).toBe(
      'Enter a real subscriber date of birth',
    );
  });

  it('refuses calendar dates and device stamps from outside any clinic record', () => {
    expect(calendarDate('effective date').safeParse('2026-01-01').success).toBe(true);
    expect(messageOf(calendarDate('effective date').safeParse('0001-01-01'))).toBe(
      'The effective date must be between 1850 and 2199',
    );
    expect(deviceStamp.safeParse('2026-03-02T09:00:00.000Z').success).toBe(true);
    expect(messageOf(deviceStamp.safeParse('0000-01-01T00:00:00.000Z'))).toMatch(
      /between 2000 and 2199: check the device's clock/,
    );
    expect(deviceStamp.safeParse('9999-12-31T23:59:59.999Z').success).toBe(false);
  });

  it('finds every birth date after a day, wherever the patient document holds one', () => {
    const patient = {
      dateOfBirth: '2026-03-04',
      guarantor: { dateOfBirth: '1970-01-01' },
      coverage: { secondary: { subscriber: { dateOfBirth: '2030-01-01' } } },
    };
    expect(birthDatesAfter(patient, '2026-03-03')).toEqual([
      'dateOfBirth',
      'coverage.secondary.subscriber.dateOfBirth',
    ]);
    expect(birthDatesAfter(patient, '2030-01-01')).toEqual([]);
    expect(birthDatesAfter(null, '2026-03-03')).toEqual([]);
  });
});
