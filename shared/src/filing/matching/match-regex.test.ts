import { describe, expect, it } from 'vitest';
import { regexRanges } from './match-regex.ts';

const rule = (pattern: string) => ({ algorithm: 'regex' as const, pattern, caseSensitive: false });

describe('regexRanges', () => {
  it('sees runs of spaces as one, and shows the match as the text has it', () => {
    const text = 'Payer: Aetna\nMember    ID:\t\tW123456789  Group 44';
    const [range] = regexRanges(rule(String.raw`member id: (\w+)`), text, 10);
    expect(text.slice(range!.start, range!.end)).toBe('Member    ID:\t\tW123456789');
  });

  it('matches within a line, not across one', () => {
    expect(regexRanges(rule('aetna member'), 'Aetna\nMember', 10)).toEqual([]);
  });

  it('stops at the limit it is given', () => {
    expect(regexRanges(rule(String.raw`\d`), '1 2 3 4 5', 3)).toHaveLength(3);
  });

  it('runs nothing a check would refuse', () => {
    expect(regexRanges(rule(String.raw`(\w+)+!`), 'a'.repeat(100), 10)).toEqual([]);
  });
});
