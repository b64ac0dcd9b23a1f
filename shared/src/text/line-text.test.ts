import { describe, expect, it } from 'vitest';
import { lineText, lineTextFault } from './line-text.ts';

describe('lineTextFault', () => {
  it('takes one-line text of every alphabet, with joiners where spelling needs them', () => {
    for (const text of ['Austin', 'São Paulo', '東京', 'می‌خواهم', 'क्‍ष'])
      expect(lineTextFault(text)).toBeNull();
  });

  it('refuses line breaks, direction marks and invisible characters', () => {
    expect(lineTextFault('Austin\ngnp.exe')).toBe('line-break');
    expect(lineTextFault('Austin\tTX')).toBe('line-break');
    expect(lineTextFault('Austin\u202egnp.exe')).toBe('bidi-override');
    expect(lineTextFault('Austin\u200f')).toBe('bidi-mark');
    expect(lineTextFault('ad\u200bmin')).toBe('invisible-character');
    expect(lineTextFault('\ufeffAustin')).toBe('invisible-character');
    expect(lineTextFault('\u3164')).toBe('invisible-character');
    // A joiner anywhere but between two letters hides something.
    expect(lineTextFault('Austin\u200d')).toBe('invisible-character');
    expect(lineTextFault('\u200cAustin')).toBe('invisible-character');
    expect(lineTextFault('x\u0000')).toBe('control-character');
  });
});

describe('lineText', () => {
  it('says which field holds what, in words staff can act on', () => {
    const city = lineText('city', 100);
    expect(city.safeParse('Austin\u202egnp.exe').error?.issues[0]?.message).toBe(
      'The city holds a hidden character that changes the direction of the text',
    );
    expect(city.safeParse('').error?.issues[0]?.message).toBe('Enter the city');
    expect(city.safeParse('Austin').success).toBe(true);
    expect(lineText('second line', 10, false).safeParse('').success).toBe(true);
  });
});
