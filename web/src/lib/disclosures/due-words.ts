import type { RequestDue } from '@clinicdesk/shared/disclosures/request-due.ts';
import { formatDay } from '../filing/documents/filing-dates.ts';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "Due Mar 31, 2026 · 21 days left"; "Overdue by 2 days (due Mar 31, 2026)". */
export function dueInWords(due: RequestDue): string {
  if (due.state === 'no-deadline') return 'No deadline set';
  if (!due.dueOn || due.daysLeft === null) return due.dueOn ? `Due ${formatDay(due.dueOn)}` : '';
  const on = formatDay(due.dueOn);
  if (due.daysLeft < 0) return `Overdue by ${days(-due.daysLeft)} (due ${on})`;
  if (due.daysLeft === 0) return `Due today (${on})`;
  return `Due ${on} · ${days(due.daysLeft)} left`;
}

/** Which clock the due date comes from, for the line under it. */
export function dueSource(due: RequestDue): string {
  if (due.access)
    return due.access.extended
      ? '30 days from receipt, extended once (45 CFR 164.524(b)(2))'
      : '30 days from receipt (45 CFR 164.524(b)(2))';
  return due.dueOn ? 'The date the request sets' : 'The law sets no deadline for this request';
}
