import { describe, expect, it } from 'vitest';
import { ageOn, formatDateOfBirth, parseDateOfBirth } from './date-of-birth.ts';

describe('parseDateOfBirth', () => {
  it('reads US and ISO forms', () => {
    expect(parseDateOfBirth('3/4/1985')).toBe('1985-03-04');
    expect(parseDateOfBirth('03-04-1985')).toBe('1985-03-04');
    expect(parseDateOfBirth('1985-03-04')).toBe('1985-03-04');
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateOfBirth('02/29/2023')).toBeNull();
    expect(parseDateOfBirth('13/01/2000')).toBeNull();
    expect(parseDateOfBirth('1985')).toBeNull();
    expect(parseDateOfBirth('02/29/2024')).toBe('2024-02-29');
  });

  it('formats back and computes age in whole years', () => {
    expect(formatDateOfBirth('1985-03-04')).toBe('03/04/1985');
    expect(ageOn('1985-03-04', '2026-03-03')).toBe(40);
    expect(ageOn('1985-03-04', '2026-03-04')).toBe(41);
  });
});
