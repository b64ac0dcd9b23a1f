import { describe, expect, it } from 'vitest';
import { validateMatchingRule } from './matching-rule.ts';

const rule = (algorithm: string, pattern: string) => ({ algorithm, pattern, caseSensitive: false });
const codeOf = (result: ReturnType<typeof validateMatchingRule>) =>
  result.ok ? 'ok' : result.error.code;

describe('validateMatchingRule', () => {
  it('takes every algorithm with a pattern, and none without one', () => {
    for (const algorithm of ['any', 'all', 'exact', 'fuzzy'])
      expect(codeOf(validateMatchingRule(rule(algorithm, 'Quest Diagnostics')))).toBe('ok');
    expect(codeOf(validateMatchingRule(rule('regex', String.raw`Member ID:?\s*\w+`)))).toBe('ok');
    expect(codeOf(validateMatchingRule(rule('none', '')))).toBe('ok');
  });

  it('refuses an empty pattern, an unknown algorithm and an over-long pattern', () => {
    expect(codeOf(validateMatchingRule(rule('any', '   ')))).toBe('matching-pattern-empty');
    expect(codeOf(validateMatchingRule(rule('auto', 'x')))).toBe('matching-algorithm-unknown');
    expect(codeOf(validateMatchingRule(rule('any', 'a '.repeat(251))))).toBe(
      'matching-pattern-too-long',
    );
    expect(codeOf(validateMatchingRule(rule('regex', 'a'.repeat(201))))).toBe(
      'matching-pattern-too-long',
    );
    expect(codeOf(validateMatchingRule(rule('fuzzy', 'a'.repeat(101))))).toBe(
      'matching-pattern-too-long',
    );
  });

  it('says why a regular expression does not compile', () => {
    const result = validateMatchingRule(rule('regex', 'Invoice (#'));
    expect(result).toMatchObject({ ok: false, error: { code: 'regex-invalid' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Not a valid regular expression: /);
  });

  it('refuses expressions that could freeze a tablet, or would match every document', () => {
    for (const runaway of [
      String.raw`(\w+)+$`,
      '(a*)*b',
      String.raw`(?:\d+,?){2,}x`,
      String.raw`(a)\1`,
    ])
      expect(codeOf(validateMatchingRule(rule('regex', runaway))), runaway).toBe('regex-runaway');
    expect(codeOf(validateMatchingRule(rule('regex', 'x?')))).toBe('regex-matches-empty');
  });
});
