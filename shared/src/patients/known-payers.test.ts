import { describe, expect, it } from 'vitest';
import type { Coverage } from './coverage.schema.ts';
import { knownPayers, knownSpelling } from './known-payers.ts';

const commercial = (payerName?: string): Coverage => ({
  primary: { payerType: 'commercial', ...(payerName === undefined ? {} : { payerName }) },
});

describe('knownPayers', () => {
  it('offers each payer once, however its spellings differ in case and spacing', () => {
    const payers = knownPayers([
      commercial('Cascade Mutual Health'),
      commercial('cascade  mutual health '),
      commercial('Cascade Mutual Health'),
      commercial('Prairie Health Plan'),
      commercial('CASCADE MUTUAL HEALTH'),
    ]);
    expect(payers.get('commercial')).toEqual(['Cascade Mutual Health', 'Prairie Health Plan']);
  });

  it('puts the most used payer first, then by name', () => {
    const payers = knownPayers([
      commercial('Summit Ridge Insurance'),
      commercial('Prairie Health Plan'),
      commercial('Willamette Care Alliance'),
      commercial('Willamette Care Alliance'),
    ]);
    expect(payers.get('commercial')).toEqual([
      'Willamette Care Alliance',
      'Prairie Health Plan',
      'Summit Ridge Insurance',
    ]);
  });

  it('keeps payers apart by payer type and reads every plan of a coverage', () => {
    const payers = knownPayers([
      {
        primary: { payerType: 'medicare', payerName: 'Medicare' },
        secondary: { payerType: 'medicaid', payerName: 'Oregon Health Plan (Medicaid)' },
        tertiary: { payerType: 'commercial', payerName: 'Northstar Benefit Trust' },
      },
      undefined,
      commercial(),
      commercial('   '),
      { primary: { payerType: 'self-pay' } },
    ]);
    expect(Object.fromEntries(payers)).toEqual({
      medicare: ['Medicare'],
      medicaid: ['Oregon Health Plan (Medicaid)'],
      commercial: ['Northstar Benefit Trust'],
    });
  });
});

describe('knownSpelling', () => {
  const known = ['Cascade Mutual Health', 'Prairie Health Plan'];
  it('writes a known payer as the practice does', () => {
    expect(knownSpelling('  cascade mutual   HEALTH', known)).toBe('Cascade Mutual Health');
  });
  it('leaves a new payer as typed', () => {
    expect(knownSpelling('Blue Heron Health', known)).toBe('Blue Heron Health');
    expect(knownSpelling('', known)).toBe('');
  });
});
