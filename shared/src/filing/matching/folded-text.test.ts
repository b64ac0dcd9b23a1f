import { describe, expect, it } from 'vitest';
import { foldText } from './folded-text.ts';

describe('foldText', () => {
  it('lowers case, drops accents and makes each run of punctuation one space', () => {
    expect(foldText("  O'Brien-NÚÑEZ,  Ana ").text).toBe('o brien nunez ana');
    expect(foldText('Núñez', true).text).toBe('Nunez');
  });

  it('remembers where each folded character came from', () => {
    const source = 'Dr. Núñez';
    const folded = foldText(source);
    const start = folded.text.indexOf('nunez');
    expect(source.slice(folded.from[start]!, folded.to[start + 4]!)).toBe('Núñez');
  });

  it('keeps letters outside the basic plane, one entry per code unit', () => {
    const folded = foldText('𝐀 b');
    expect(folded.from).toHaveLength(folded.text.length);
  });
});
