/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) without a clock or a time zone: retention
 * periods, the 30-day access clock and the six-year accounting window count whole days and
 * years, and must come out the same on every device and on the server whatever its zone.
 * Dates are counted as days since 1970-01-01 with the civil-from-days algorithm (proleptic
 * Gregorian calendar), so no `Date` object is involved.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(iso: string): [number, number, number] | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return partsOf(value) !== null;
}

function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01 (negative before), or null for text that is not a real date. */
export function toDayNumber(iso: string): number | null {
  const parts = partsOf(iso);
  return parts ? dayNumberOf(...parts) : null;
}

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function required(iso: string): number {
  const days = toDayNumber(iso);
  if (days === null) throw new RangeError(`Not a calendar date: ${iso}`);
  return days;
}

/** The date `days` days after (or before, if negative) a date. Throws on a date that is not real. */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(required(iso) + days);
}

/** Whole days from one date to another: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return required(to) - required(from);
}

/**
 * Where 29 February lands in a year that has none. A retention end or any deadline that must
 * not come early takes 1 March (the full N years have passed only once 28 February is over); a
 * window that must not leave anything out takes 28 February (it starts a day sooner).
 */
export type LeapDayRule = 'march-1' | 'february-28';

/** The same day `years` years later (earlier if negative), 29 February placed by `leapDay`. */
export function addYears(iso: string, years: number, leapDay: LeapDayRule): string {
  const parts = partsOf(iso);
  if (!parts) throw new RangeError(`Not a calendar date: ${iso}`);
  const [year, month, day] = parts;
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target))
    return leapDay === 'march-1'
      ? `${String(target).padStart(4, '0')}-03-01`
      : `${String(target).padStart(4, '0')}-02-28`;
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The later of two ISO dates (ISO dates order as text). */
export const laterDate = (a: string, b: string): string => (a >= b ? a : b);
