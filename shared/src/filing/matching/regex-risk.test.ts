import { describe, expect, it } from 'vitest';
import { regexRisk } from './regex-risk.ts';

describe('regexRisk', () => {
  it('lets through the expressions a filing rule needs', () => {
    for (const safe of [
      String.raw`Member ID:?\s*[A-Z0-9]{6,12}`,
      String.raw`(Dr|Doctor)\.?\s+Smith`,
      String.raw`\b(?:EOB|Explanation of Benefits)\b`,
      String.raw`Claim #\d+`,
      String.raw`[(+*)]+ literal classes`,
      String.raw`\p{L}+ (?<year>\d{4})`,
      String.raw`(ab){3}`,
      String.raw`(?<!\d)\d{3}-\d{2}`,
      String.raw`Account\s*#?\s*:?\s*\d+`,
      String.raw`\w+ +\w+[ \t]*$`,
    ])
      expect(regexRisk(safe), safe).toBeNull();
  });

  it('refuses a repeated group that holds an open-ended repeat', () => {
    for (const nested of [
      '(a+)+',
      '(a|b*)*',
      String.raw`((\w+)\s)+`,
      '(x+){2,}',
      '(?:a+)*?',
      '(a+){2}',
    ])
      expect(regexRisk(nested), nested).toMatch(/repeat of its own/);
  });

  it('refuses back-references and too many open-ended repeats', () => {
    expect(regexRisk(String.raw`(\w)\1`)).toMatch(/Back-references/);
    expect(regexRisk(String.raw`(?<a>x)\k<a>`)).toMatch(/Back-references/);
    expect(regexRisk('.*.*.*=')).toMatch(/At most 2 open-ended repeats/);
    expect(regexRisk(String.raw`\w+\d+[a-z]{2,}`)).toMatch(/At most 2/);
  });
});
