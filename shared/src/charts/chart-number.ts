import { fail, ok, type Result } from '../result.ts';

/**
 * Chart numbers (MRNs) staff read aloud, type and write on paper: a serial number from the
 * server (never reused, reserved in blocks per device so a device can number new patients
 * offline) followed by a Luhn check digit, shown as `100042-6`. The check digit catches every
 * single mistyped digit and almost every swap of two neighbouring digits.
 *
 * A device that has run out of reserved numbers while offline gives a provisional number
 * (`P-7K3Q-1`: device tag and a counter) that it replaces with a real one once it can reserve
 * more (ADR 9).
 */

/** The first serial number the server hands out. Six digits from the start, so all look alike. */
export const FIRST_CHART_SERIAL = 100_000;
export const CHART_SERIAL_MAX = 9_999_999_999;

const CHART_NUMBER = /^(\d{6,10})-(\d)$/;
const PROVISIONAL = /^P-([0-9A-Z]{4})-(\d{1,6})$/;
export const CHART_NUMBER_PATTERN = /^(\d{6,10}-\d|P-[0-9A-Z]{4}-\d{1,6})$/;

/** The Luhn check digit of a run of decimal digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // From the right, every second digit (starting with the rightmost) is doubled.
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The chart number of a serial the server reserved. */
export function chartNumber(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < FIRST_CHART_SERIAL || serial > CHART_SERIAL_MAX)
    throw new RangeError(`Not a chart serial: ${serial}`);
  const digits = String(serial);
  return `${digits}-${luhnCheckDigit(digits)}`;
}

/** A provisional number a device gives while it is offline and out of reserved numbers. */
export function provisionalChartNumber(deviceTag: string, counter: number): string {
  return `P-${deviceTag}-${counter}`;
}

/** Four characters that tell devices apart in a provisional number: from the device id. */
export function deviceTag(deviceId: string): string {
  const hex = deviceId.replace(/-/g, '').slice(-8);
  return (Number.parseInt(hex, 16) % 36 ** 4).toString(36).toUpperCase().padStart(4, '0');
}

export function isProvisionalChartNumber(value: string): boolean {
  return PROVISIONAL.test(value);
}

export type ChartNumberProblem = 'format' | 'check-digit';

/**
 * Reads what someone typed as a chart number: spaces and a missing dash are forgiven
 * (`1000426` reads as `100042-6`), a wrong check digit is not — that is a typo.
 */
export function parseChartNumber(input: string): Result<string, ChartNumberProblem> {
  const text = input.trim().toUpperCase().replace(/\s+/g, '');
  if (PROVISIONAL.test(text)) return ok(text);
  const match = CHART_NUMBER.exec(text) ?? /^(\d{6,10})(\d)$/.exec(text);
  if (!match) return fail('format');
  const [, digits = '', check = ''] = match;
  if (luhnCheckDigit(digits) !== Number(check)) return fail('check-digit');
  return ok(`${digits}-${check}`);
}

/** Numbers the server reserves for a device at a time. */
export const CHART_BLOCK_SIZE = 50;
/** A device with fewer unused numbers than this reserves another block when it is online. */
export const CHART_NUMBERS_LOW = 20;

/** Answer of `POST /api/sync/v1/chart-numbers` (its request: chart-number-block.schema.ts). */
export type ChartNumberBlockResponse = { block: { first: number; last: number } };
