/**
 * A CSV file as spreadsheets read it (RFC 4180): fields separated by commas, lines by CRLF, a
 * field quoted when it holds a comma, a quote, a line break or leading/trailing space, quotes
 * inside doubled. A field a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, so a title typed as `=HYPERLINK(…)` is shown
 * as text (OWASP's CSV injection advice). Writing is all the reports need, so no library.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export type CsvValue = string | number | boolean | undefined | null;

export function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
