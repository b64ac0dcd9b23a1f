import { describe, expect, it } from 'vitest';
import { datesInText } from './dates-in-text.ts';

const datesOf = (text: string) => datesInText(text).map((found) => found.date);

describe('datesInText', () => {
  it('reads the ways US offices write a date, month first', () => {
    expect(datesOf('DOB 03/14/1982; seen 3-4-2026, faxed 03.05.2026 and 2026-02-28')).toEqual([
      '1982-03-14',
      '2026-03-04',
      '2026-03-05',
      '2026-02-28',
    ]);
    expect(datesOf('Born March 14, 1982 — signed Sept. 3rd 2025 and Feb 29 2024')).toEqual([
      '1982-03-14',
      '2025-09-03',
      '2024-02-29',
    ]);
  });

  it('shows where each date is written', () => {
    const text = 'DOB: 01/31/1990';
    const [found] = datesInText(text);
    expect(text.slice(found!.start, found!.end)).toBe('01/31/1990');
  });

  it('leaves out impossible dates, two-digit years and digits of longer numbers', () => {
    expect(datesOf('02/30/1982, 02/29/2023, 01/02/03, claim 1203/14/19821')).toEqual([]);
  });

  it('reads a day-first date only when it cannot be month-first', () => {
    expect(datesOf('14/03/1982 and 03/04/1982')).toEqual(['1982-03-14', '1982-03-04']);
  });
});
