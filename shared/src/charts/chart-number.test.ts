import { describe, expect, it } from 'vitest';
import {
  chartNumber,
  deviceTag,
  isProvisionalChartNumber,
  luhnCheckDigit,
  parseChartNumber,
  provisionalChartNumber,
} from './chart-number.ts';

describe('chart numbers', () => {
  it('end in the Luhn check digit of the serial', () => {
    // The textbook Luhn example: 7992739871 has check digit 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(chartNumber(100_000)).toBe('100000-9');
    expect(chartNumber(100_042)).toBe(`100042-${luhnCheckDigit('100042')}`);
  });

  it('refuse a serial outside the range the server hands out', () => {
    expect(() => chartNumber(99_999)).toThrow(RangeError);
    expect(() => chartNumber(1.5e6 + 0.5)).toThrow(RangeError);
  });

  it('catch every single mistyped digit and every swap of neighbouring unequal digits but 0/9', () => {
    for (let serial = 100_000; serial < 100_400; serial++) {
      const typed = chartNumber(serial).replace('-', '');
      for (let i = 0; i < typed.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === typed[i]) continue;
          const typo = typed.slice(0, i) + String(d) + typed.slice(i + 1);
          expect(parseChartNumber(typo)).toEqual({ ok: false, error: 'check-digit' });
        }
        const a = typed[i];
        const b = typed[i + 1];
        if (b === undefined || a === b || `${a}${b}` === '09' || `${a}${b}` === '90') continue;
        const swapped = typed.slice(0, i) + b + a + typed.slice(i + 2);
        expect(parseChartNumber(swapped).ok).toBe(false);
      }
    }
  });

  it('read what staff type, with or without the dash and spaces', () => {
    const number = chartNumber(123_456);
    expect(parseChartNumber(number)).toEqual({ ok: true, value: number });
    expect(parseChartNumber(` ${number.replace('-', ' ')} `)).toEqual({ ok: true, value: number });
    expect(parseChartNumber(number.replace('-', ''))).toEqual({ ok: true, value: number });
    expect(parseChartNumber('12-3')).toEqual({ ok: false, error: 'format' });
    expect(parseChartNumber('abc')).toEqual({ ok: false, error: 'format' });
  });

  it('provisional numbers name the device and are told apart from real ones', () => {
    const tag = deviceTag('0195a0c4-3333-7000-8000-000000000003');
    expect(tag).toMatch(/^[0-9A-Z]{4}$/);
    expect(deviceTag('0195a0c4-3333-7000-8000-0000000000a4')).not.toBe(tag);
    const provisional = provisionalChartNumber(tag, 7);
    expect(isProvisionalChartNumber(provisional)).toBe(true);
    expect(isProvisionalChartNumber(chartNumber(100_001))).toBe(false);
    expect(parseChartNumber(provisional.toLowerCase())).toEqual({ ok: true, value: provisional });
  });
});
