import { z } from 'zod';

/**
 * The dates and times a clinic's records can plausibly hold. The schemas serve the device and
 * the server, and `shared/` has no clock, so the bounds are fixed: wide enough for every real
 * record, narrow enough that a typo, a device clock at zero or a crafted value (0000-01-01,
 * 9999-12-31) is refused with a message a receptionist can act on. Whether a birth date is in
 * the future is the form's check, against the device's clock.
 */
export const EARLIEST_DATE = '1850-01-01';
export const LATEST_DATE = '2199-12-31';
/** Earlier than anyone alive was born (the oldest person on record was born in 1875). */
export const EARLIEST_BIRTH_DATE = '1875-01-01';
/** Device clocks stamp records; none was written before this (ClinicDesk did not exist). */
export const EARLIEST_STAMP = '2000-01-01T00:00:00.000Z';

const yearOf = (iso: string) => iso.slice(0, 4);

/** A calendar date (YYYY-MM-DD) between EARLIEST_DATE and LATEST_DATE. */
export function calendarDate(label: string) {
  return z.iso
    .date(`Enter a real ${label}`)
    .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, {
      message: `The ${label} must be between ${yearOf(EARLIEST_DATE)} and ${yearOf(LATEST_DATE)}`,
    });
}

/** A date of birth: a real date, not before EARLIEST_BIRTH_DATE nor after LATEST_DATE. */
export function birthDate(label = 'date of birth') {
  return z.iso
    .date(`Enter a real ${label}`)
    .refine((date) => date >= EARLIEST_BIRTH_DATE, {
      message: `The ${label} cannot be before ${yearOf(EARLIEST_BIRTH_DATE)}`,
    })
    .refine((date) => date <= LATEST_DATE, { message: `The ${label} is too far in the future` });
}

/** A UTC instant a device stamped (YYYY-MM-DDTHH:MM:SS.sssZ), from 2000 to LATEST_DATE. */
export const deviceStamp = z.iso
  .datetime({ offset: false })
  .refine((at) => at >= EARLIEST_STAMP && at.slice(0, 10) <= LATEST_DATE, {
    message: `A time stamp must be between ${yearOf(EARLIEST_STAMP)} and ${yearOf(LATEST_DATE)}: check the device's clock`,
  });

/** Where a patient document holds a birth date: the patient's, the guarantor's, each subscriber's. */
const BIRTH_DATE_PATHS = [
  ['dateOfBirth'],
  ['guarantor', 'dateOfBirth'],
  ['coverage', 'primary', 'subscriber', 'dateOfBirth'],
  ['coverage', 'secondary', 'subscriber', 'dateOfBirth'],
  ['coverage', 'tertiary', 'subscriber', 'dateOfBirth'],
] as const;

/**
 * The birth dates in a patient document later than `latest` (an ISO date the caller takes from
 * its clock: the server allows a day ahead of UTC, where the desk's own day may already be),
 * as dotted paths. The schema cannot say this, having no clock.
 */
export function birthDatesAfter(patient: unknown, latest: string): string[] {
  return BIRTH_DATE_PATHS.filter((path) => {
    let value: unknown = patient;
    for (const key of path)
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' && value > latest;
  }).map((path) => path.join('.'));
}
