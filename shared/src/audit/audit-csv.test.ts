import { describe, expect, it } from 'vitest';
import { auditCsvRow, csvCell, csvLine } from './audit-csv.ts';
import type { AuditEntry } from './audit-event.ts';

describe('audit CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the formula start of %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(csvCell('rosa.m')).toBe('rosa.m');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks so a cell never spills into the next', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('writes an entry as one row, a hostile username included', () => {
    const entry: AuditEntry = {
      position: 7,
      eventId: 'e',
      action: 'sign-in-failed',
      userId: null,
      username: '=cmd()',
      deviceId: null,
      deviceTime: null,
      serverTime: '2026-03-02T09:00:00.000Z',
      collection: null,
      recordId: null,
      detail: null,
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    };
    expect(auditCsvRow(entry)).toBe(
      `7,2026-03-02T09:00:00.000Z,,sign-in-failed,'=cmd(),,,,,,${'a'.repeat(64)},${'b'.repeat(64)}\r\n`,
    );
  });
});
