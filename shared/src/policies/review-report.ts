import { toCsv } from './csv.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import {
  daysToReview,
  DEFAULT_REVIEW_WARNING_DAYS,
  nextReviewOn,
  REVIEW_STATUS_LABELS,
  reviewStatus,
  type ReviewStatus,
} from './review-cycle.ts';
import type { Review } from './review.schema.ts';

export type ReviewReportRow = {
  policyId: string;
  number: string;
  title: string;
  ownerStaffId: string;
  reviewOn: string;
  /** Negative once overdue. */
  days: number;
  status: ReviewStatus;
};

export type ReviewBucket = {
  /** Whole 30-day periods from today: 0 = due in 0–29 days, -1 = overdue by 1–30 days. */
  period: number;
  label: string;
  rows: ReviewReportRow[];
};

/**
 * Policies due for review, as PolicyStat's "Policies Due for Review" report: every policy in
 * force with a review date, soonest first, grouped in 30-day periods from today (overdue ones
 * first). Retired and never-published policies have no review date and are left out.
 */
export function reviewReport(
  input: {
    policies: readonly Policy[];
    versions: readonly PolicyVersion[];
    reviews: readonly Review[];
  },
  today: string,
): { rows: ReviewReportRow[]; buckets: ReviewBucket[] } {
  const versionsBy = groupBy(input.versions, (version) => version.policyId);
  const reviewsBy = groupBy(input.reviews, (review) => review.policyId);
  const rows: ReviewReportRow[] = [];
  for (const policy of input.policies) {
    const reviewOn = nextReviewOn(policy, versionsBy.get(policy.id) ?? [], reviewsBy.get(policy.id) ?? []); // prettier-ignore
    if (!reviewOn) continue;
    rows.push({
      policyId: policy.id,
      number: policy.number,
      title: policy.title,
      ownerStaffId: policy.ownerStaffId,
      reviewOn,
      days: daysToReview(reviewOn, today),
      status: reviewStatus(
        reviewOn,
        today,
        policy.reviewWarningDays ?? DEFAULT_REVIEW_WARNING_DAYS,
      ),
    });
  }
  rows.sort((a, b) => a.days - b.days || a.number.localeCompare(b.number, 'en-US', { numeric: true })); // prettier-ignore
  const buckets = new Map<number, ReviewBucket>();
  for (const row of rows) {
    // Day 0 is due today (period 0); overdue by 1–30 days is period -1.
    const period = row.days >= 0 ? Math.floor(row.days / 30) : -Math.ceil(-row.days / 30);
    const bucket = buckets.get(period) ?? { period, label: periodLabel(period), rows: [] };
    bucket.rows.push(row);
    buckets.set(period, bucket);
  }
  return { rows, buckets: [...buckets.values()].sort((a, b) => a.period - b.period) };
}

function periodLabel(period: number): string {
  return period < 0
    ? `Overdue by ${-period * 30 - 29}–${-period * 30} days`
    : `Due in ${period * 30}–${period * 30 + 29} days`;
}

/** The report as CSV, owners by name where the device knows them. */
export function reviewReportCsv(
  rows: readonly ReviewReportRow[],
  staffName: (staffId: string) => string | undefined,
): string {
  return toCsv(
    ['Policy', 'Title', 'Owner', 'Next review', 'Days to review', 'Status'],
    rows.map((row) => [
      row.number,
      row.title,
      staffName(row.ownerStaffId) ?? row.ownerStaffId,
      row.reviewOn,
      row.days,
      REVIEW_STATUS_LABELS[row.status],
    ]),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const group = out.get(key(item));
    if (group) group.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
