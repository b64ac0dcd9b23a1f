import { addDays, daysBetween, daysInMonth } from '../dates/calendar-days.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import type { Review } from './review.schema.ts';

/** PolicyStat's "due in the next 90 days". */
export const DEFAULT_REVIEW_WARNING_DAYS = 90;

export type ReviewStatus = 'current' | 'due-soon' | 'overdue';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  current: 'Current',
  'due-soon': 'Review due soon',
  overdue: 'Review overdue',
};

/**
 * When a policy is next due for review: its fixed date if it has one; else the interval after
 * the later of its latest issued version's approval and its latest "reviewed, no change" (which
 * restarts the cycle without a new version). Undefined for a policy never published, or retired.
 */
export function nextReviewOn(
  policy: Policy,
  versions: readonly PolicyVersion[],
  reviews: readonly Review[],
): string | undefined {
  if (policy.retired) return undefined;
  if (policy.reviewOn) return policy.reviewOn;
  let approved: string | undefined;
  for (const version of versions) {
    if (version.policyId !== policy.id || !isIssued(version)) continue;
    const day = (version.approvedAt ?? version.publishedAt)?.slice(0, 10) ?? version.effectiveOn;
    if (day && (!approved || day > approved)) approved = day;
  }
  if (!approved) return undefined;
  let last = approved;
  for (const review of reviews)
    if (review.policyId === policy.id && review.outcome === 'no-change' && review.reviewedOn > last)
      last = review.reviewedOn;
  return addMonths(last, policy.reviewIntervalMonths);
}

function isIssued(version: PolicyVersion): boolean {
  return version.status === 'published' || version.status === 'superseded';
}

/** Overdue after its review date; due soon within the warning period before it. */
export function reviewStatus(
  reviewOn: string,
  today: string,
  warningDays = DEFAULT_REVIEW_WARNING_DAYS,
): ReviewStatus {
  if (today > reviewOn) return 'overdue';
  if (today >= addDays(reviewOn, -warningDays)) return 'due-soon';
  return 'current';
}

/** Days from today to the review date (negative once overdue). */
export function daysToReview(reviewOn: string, today: string): number {
  return daysBetween(today, reviewOn);
}

/** The same day `months` months later, on the month's last day where it has no such day. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(date, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
