import type { AuditEntry } from './audit-event.ts';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
 * `+cmd|…`, `@SUM(…)`, and tab or carriage return before any of them). The audit trail holds
 * text other people typed (usernames, a failed sign-in's name), so such cells are neutralised.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula starts defused with a leading apostrophe (OWASP), then RFC 4180 quoting. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_HEADER = [
  'position',
  'server time',
  'device time',
  'action',
  'username',
  'user id',
  'device id',
  'collection',
  'record id',
  'detail',
  'previous hash',
  'hash',
];

export function auditCsvRow(entry: AuditEntry): string {
  return csvLine([
    entry.position,
    entry.serverTime,
    entry.deviceTime,
    entry.action,
    entry.username,
    entry.userId,
    entry.deviceId,
    entry.collection,
    entry.recordId,
    entry.detail,
    entry.prevHash,
    entry.hash,
  ]);
}
