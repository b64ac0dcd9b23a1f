import { toDayNumber } from '../../dates/calendar-days.ts';

/**
 * Reminders for the practice's own papers (issue 12.11): a contract, a business associate
 * agreement, a licence or an insurance policy is named on the home screen from its reminder
 * window before it expires until a while after, so there is time to renew it.
 */

/** How long before its expiry a paper is named, unless its type's notice field says otherwise. */
export const DEFAULT_REMINDER_DAYS = 30;
/** The longest notice a field may ask for (ten years); more is a typing slip, not a notice. */
export const MAX_REMINDER_DAYS = 3650;
/** How long an expired paper keeps being named: after that, only the full list shows it. */
export const EXPIRED_REMINDER_DAYS = 90;

/** What a paper needs to be judged: its expiry date and whether it is in the trash. */
export interface ExpiringLike {
  expiresOn?: string | undefined;
  trashed?: unknown;
}

/** Days from `today` to the paper's expiry (negative once past); null without a readable date. */
export function daysToExpiry(paper: ExpiringLike, today: string): number | null {
  if (!paper.expiresOn || paper.trashed) return null;
  const expires = toDayNumber(paper.expiresOn);
  const now = toDayNumber(today);
  return expires === null || now === null ? null : expires - now;
}

/**
 * The reminder window a type's "Renewal notice (days)" field gives a paper: a whole number of
 * days from 1 to ten years; anything else (no field, empty, 0, negative, a fraction) is the
 * default 30 days, so a slip in the field never silences the reminder.
 */
export function reminderWindow(notice: unknown): number {
  const days = typeof notice === 'string' && notice.trim() !== '' ? Number(notice) : notice;
  return typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= MAX_REMINDER_DAYS
    ? days
    : DEFAULT_REMINDER_DAYS;
}

/** Whether a paper `days` from its expiry is named now, given its reminder window. */
export function remindsNow(days: number, window: number): boolean {
  return days <= window && days >= -EXPIRED_REMINDER_DAYS;
}

/** "expires in 30 days", "expires tomorrow", "expires today", "expired yesterday", "expired 3 days ago". */
export function whenItExpires(days: number): string {
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  if (days > 1) return `expires in ${days} days`;
  if (days === -1) return 'expired yesterday';
  return `expired ${-days} days ago`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2027-01-01` → "January 1, 2027", the same on every device and in every time zone. */
export function longDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = month === undefined ? undefined : MONTHS[month - 1];
  return name && year && day ? `${name} ${day}, ${year}` : iso;
}

/** How a paper is named: its type, with whom it is made (correspondent or counterparty), its title. */
export interface PaperName {
  title: string;
  typeName?: string | undefined;
  withWhom?: string | undefined;
}

/** "The BAA with Northwind Billing", "The Licence “State licence”", "“Lease”". */
export function paperName({ title, typeName, withWhom }: PaperName): string {
  if (!typeName) return `“${title}”`;
  return withWhom ? `The ${typeName} with ${withWhom}` : `The ${typeName} “${title}”`;
}

/** "The BAA with Northwind Billing expires in 30 days (January 1, 2027)." */
export function reminderSentence(name: PaperName, days: number, expiresOn: string): string {
  return `${paperName(name)} ${whenItExpires(days)} (${longDay(expiresOn)}).`;
}

/** Is this custom field a type's notice period ("Renewal notice (days)", "Reminder (days)")? */
export function isNoticeField(fieldName: string): boolean {
  const name = fieldName.trim().toLocaleLowerCase();
  return name.startsWith('renewal notice') || name.startsWith('remind');
}
