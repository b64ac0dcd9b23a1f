import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import {
  reviewReport,
  type ReviewBucket,
  type ReviewReportRow,
} from '@clinicdesk/shared/policies/review-report.ts';
import type { Review } from '@clinicdesk/shared/policies/review.schema.ts';
import { today } from '../../clock.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';

/**
 * The policies' review cycles as the Reviews screen shows them, live from this device (so
 * offline too): every policy in force with its next review date, the overdue and due-soon
 * lists, and the report in 30-day periods.
 */
export class PolicyReviews {
  readonly #policies: { readonly current: Policy[] | undefined };
  readonly #versions: { readonly current: PolicyVersion[] | undefined };
  readonly #reviews: { readonly current: Review[] | undefined };
  day = $state(today());

  constructor(workspace: Workspace) {
    this.#policies = liveFind(workspace, 'policy', { selector: {} });
    this.#versions = liveFind(workspace, 'policyVersion', { selector: {} });
    this.#reviews = liveFind(workspace, 'policyReview', { selector: {} });
  }

  get loaded(): boolean {
    return [this.#policies, this.#versions, this.#reviews].every((live) => live.current !== undefined); // prettier-ignore
  }

  readonly #report = $derived.by(() =>
    reviewReport(
      { policies: this.#policies.current ?? [], versions: this.#versions.current ?? [], reviews: this.#reviews.current ?? [] }, // prettier-ignore
      this.day,
    ),
  );

  get rows(): ReviewReportRow[] {
    return this.#report.rows;
  }
  get buckets(): ReviewBucket[] {
    return this.#report.buckets;
  }
  get overdue(): ReviewReportRow[] {
    return this.rows.filter((row) => row.status === 'overdue');
  }
  get dueSoon(): ReviewReportRow[] {
    return this.rows.filter((row) => row.status === 'due-soon');
  }

  /** The latest reviews of a policy, newest first. */
  reviewsOf(policyId: string): Review[] {
    return (this.#reviews.current ?? [])
      .filter((review) => review.policyId === policyId)
      .sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn));
  }
}
