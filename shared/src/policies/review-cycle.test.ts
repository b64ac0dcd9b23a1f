import { describe, expect, it } from 'vitest';
import { policy, PRIVACY_OFFICER, published } from './policy.fixture.ts';
import { addMonths, nextReviewOn, reviewStatus } from './review-cycle.ts';
import { reviewReport, reviewReportCsv } from './review-report.ts';
import type { Review } from './review.schema.ts';

const review = (reviewedOn: string, outcome: Review['outcome'] = 'no-change'): Review => ({
  id: `review-${reviewedOn}`,
  kind: 'policyReview',
  policyId: policy.id,
  reviewedOn,
  outcome,
  byStaffId: PRIVACY_OFFICER,
  createdAt: `${reviewedOn}T10:00:00.000Z`,
  updatedAt: `${reviewedOn}T10:00:00.000Z`,
});

describe('review cycles', () => {
  const v1 = published(1, { approvedAt: '2026-01-20T15:00:00.000Z' });

  it('is due the interval after the latest approval', () => {
    expect(nextReviewOn(policy, [v1], [])).toBe('2027-01-20');
  });

  it('restarts from "reviewed, no change" without a new version; "revise" does not', () => {
    expect(nextReviewOn(policy, [v1], [review('2026-11-02')])).toBe('2027-11-02');
    expect(nextReviewOn(policy, [v1], [review('2026-11-02', 'revise')])).toBe('2027-01-20');
  });

  it('takes a fixed date over the interval, and has none for a retired or unpublished policy', () => {
    expect(nextReviewOn({ ...policy, reviewOn: '2026-06-30' }, [v1], [])).toBe('2026-06-30');
    expect(nextReviewOn({ ...policy, retired: true }, [v1], [])).toBeUndefined();
    expect(nextReviewOn(policy, [], [])).toBeUndefined();
  });

  it('is due soon within the warning period and overdue after the date', () => {
    expect(reviewStatus('2027-01-20', '2026-10-21')).toBe('current');
    expect(reviewStatus('2027-01-20', '2026-10-22')).toBe('due-soon');
    expect(reviewStatus('2027-01-20', '2027-01-20')).toBe('due-soon');
    expect(reviewStatus('2027-01-20', '2027-01-21')).toBe('overdue');
    expect(reviewStatus('2027-01-20', '2027-01-01', 10)).toBe('current');
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-05-15', 36)).toBe('2029-05-15');
  });

  it('reports policies in 30-day periods, overdue first, and writes them as CSV', () => {
    const other = { ...policy, id: 'policy-2', number: 'HIPAA-P-10', title: 'Training, "annual"', reviewIntervalMonths: 24 }; // prettier-ignore
    const { rows, buckets } = reviewReport(
      { policies: [policy, other], versions: [v1, published(1, { policyId: 'policy-2', id: 'policy-2-v1', approvedAt: '2025-03-01T09:00:00.000Z' })], reviews: [] }, // prettier-ignore
      '2027-01-05',
    );
    expect(rows.map((row) => [row.number, row.reviewOn, row.days, row.status])).toEqual(
      [
        ['HIPAA-P-10', '2027-03-01', 55, 'due-soon'],
        ['HIPAA-P-03', '2027-01-20', 15, 'due-soon'],
      ].reverse(),
    );
    expect(buckets.map((b) => [b.label, b.rows.length])).toEqual([
      ['Due in 0–29 days', 1],
      ['Due in 30–59 days', 1],
    ]);
    const late = reviewReport({ policies: [policy], versions: [v1], reviews: [] }, '2027-02-25');
    expect(late.buckets[0]?.label).toBe('Overdue by 31–60 days');
    expect(reviewReportCsv(rows, (id) => (id === PRIVACY_OFFICER ? 'Dana Reyes' : undefined))).toBe(
      'Policy,Title,Owner,Next review,Days to review,Status\r\n' +
        'HIPAA-P-03,Minimum necessary,Dana Reyes,2027-01-20,15,Review due soon\r\n' +
        'HIPAA-P-10,"Training, ""annual""",Dana Reyes,2027-03-01,55,Review due soon\r\n',
    );
  });
});
