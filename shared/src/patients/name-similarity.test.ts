import { describe, expect, it } from 'vitest';
import { editDistance, prefixEditDistance, similarNames, soundex } from './name-similarity.ts';

describe('soundex', () => {
  it.each([
    ['Robert', 'R163'],
    ['Rupert', 'R163'],
    ['Ashcraft', 'A261'],
    ['Tymczak', 'T522'],
    ['Pfister', 'P236'],
    ['Lee', 'L000'],
  ])('%s → %s', (name, code) => expect(soundex(name)).toBe(code));

  it('ignores accents and punctuation', () => {
    expect(soundex("O'Brien")).toBe(soundex('Obrien'));
    expect(soundex('Núñez')).toBe(soundex('Nunez'));
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one typo', () => {
    expect(editDistance('jonh', 'john')).toBe(1);
    expect(editDistance('smtih', 'smith')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });
});

describe('similarNames', () => {
  it('tells same, similar and different names apart', () => {
    expect(similarNames('smith', 'smith')).toBe('same');
    expect(similarNames('smith', 'smyth')).toBe('similar');
    expect(similarNames('catherine', 'katherine')).toBe('similar');
    expect(similarNames('ann', 'amy')).toBe('different');
    expect(similarNames('garcia', 'nguyen')).toBe('different');
  });
});

describe('prefixEditDistance', () => {
  it('measures typos against the closest start of the name', () => {
    expect(prefixEditDistance('abot', 'abbott', 1)).toBe(1);
    expect(prefixEditDistance('jonh', 'johnson', 1)).toBe(1);
    expect(prefixEditDistance('smi', 'smith', 1)).toBe(0);
    expect(prefixEditDistance('smxxx', 'smith', 1)).toBe(2);
    expect(prefixEditDistance('brakcenbery', 'brackenbury', 2)).toBe(2);
    expect(prefixEditDistance('wilhelmena', 'wilhelmina', 2)).toBe(1);
  });
});
