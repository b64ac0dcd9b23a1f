import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_RULES } from './default-retention-rules.ts';
import { validateRetentionRule } from './retention-rule.ts';

describe('validateRetentionRule', () => {
  it('takes whole years from 0 to 100 on a known basis', () => {
    expect(validateRetentionRule({ basis: 'document-date', years: 0 })).toEqual({
      ok: true,
      value: { basis: 'document-date', years: 0 },
    });
    expect(validateRetentionRule({ basis: 'last-visit', years: 100 }).ok).toBe(true);
  });

  it('gives the age-of-majority basis 18 when no age is set, and keeps one that is', () => {
    expect(validateRetentionRule({ basis: 'age-of-majority', years: 7 })).toEqual({
      ok: true,
      value: { basis: 'age-of-majority', years: 7, majorityAge: 18 },
    });
    expect(validateRetentionRule({ basis: 'age-of-majority', years: 3, majorityAge: 21 })).toEqual({
      ok: true,
      value: { basis: 'age-of-majority', years: 3, majorityAge: 21 },
    });
  });

  it('refuses, rather than rounds, what would let a document go early', () => {
    for (const years of [-1, 6.5, 101, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validateRetentionRule({ basis: 'document-date', years })).toMatchObject({
        ok: false,
        error: { code: 'retention-years-invalid' },
      });
    for (const majorityAge of [13, 26, 18.5])
      expect(
        validateRetentionRule({ basis: 'age-of-majority', years: 5, majorityAge }),
      ).toMatchObject({ ok: false, error: { code: 'majority-age-invalid' } });
    expect(validateRetentionRule({ basis: 'forever', years: 5 })).toMatchObject({
      ok: false,
      error: { code: 'retention-basis-unknown' },
    });
  });

  it('ships defaults that are all valid rules and all say where they come from', () => {
    for (const [slug, retention] of Object.entries(DEFAULT_RETENTION_RULES)) {
      expect(retention.source.length, slug).toBeGreaterThan(20);
      for (const rule of retention.rules) expect(validateRetentionRule(rule).ok, slug).toBe(true);
    }
    expect(Object.keys(DEFAULT_RETENTION_RULES)).toEqual(
      expect.arrayContaining(['clinical', 'administrative-insurance', 'personnel', 'contracts']),
    );
  });
});
