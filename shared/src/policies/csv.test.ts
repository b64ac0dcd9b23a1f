import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain fields bare', () => {
    expect(csvField('Minimum necessary')).toBe('Minimum necessary');
    expect(csvField('Privacy, security')).toBe('"Privacy, security"');
    expect(csvField('The "notice"')).toBe('"The ""notice"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  it('keeps a spreadsheet from running a typed formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, true]])).toBe('a,b\r\n1,true\r\n');
  });
});
