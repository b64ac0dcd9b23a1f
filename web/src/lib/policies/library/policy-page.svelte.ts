import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Review } from '@clinicdesk/shared/policies/review.schema.ts';
import { nextReviewOn } from '@clinicdesk/shared/policies/review-cycle.ts';
import { isOpenVersion } from '@clinicdesk/shared/policies/start-revision.ts';
import { versionInForce } from '@clinicdesk/shared/policies/version-in-force.ts';
import { versionStatusLabel } from '@clinicdesk/shared/policies/version-lifecycle.ts';
import { today } from '../../clock.ts';
import { liveDocument, liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { StaffNames } from './staff-names.svelte.ts';

/** One policy's page: the policy, its manual, its versions newest first, its next review. */
export class PolicyPage {
  readonly #policy: { readonly current: Policy | null | undefined };
  readonly #versions: { readonly current: PolicyVersion[] | undefined };
  readonly #reviews: { readonly current: Review[] | undefined };
  readonly #manuals: { readonly current: Manual[] | undefined };
  readonly names: StaffNames;
  readonly today = today();

  constructor(workspace: Workspace, policyId: string) {
    this.#policy = liveDocument(workspace, 'policy', policyId);
    this.#versions = liveFind(workspace, 'policyVersion', { selector: { policyId } });
    this.#reviews = liveFind(workspace, 'policyReview', { selector: { policyId } });
    this.#manuals = liveFind(workspace, 'manual', { selector: {} });
    this.names = new StaffNames(workspace);
  }

  /** `undefined` while the device reads it, `null` when it is not on this device. */
  get policy(): Policy | null | undefined {
    return this.#policy.current;
  }

  get manual(): Manual | undefined {
    const policy = this.policy;
    return policy ? this.#manuals.current?.find((manual) => manual.id === policy.manualId) : undefined; // prettier-ignore
  }

  get versions(): PolicyVersion[] {
    return [...(this.#versions.current ?? [])].sort((a, b) => b.versionNumber - a.versionNumber);
  }

  get inForce(): PolicyVersion | undefined {
    const policy = this.policy;
    return policy ? versionInForce(this.versions, policy.id, this.today) : undefined;
  }

  /** Published to take effect on a later day. */
  get upcoming(): PolicyVersion | undefined {
    return this.versions.find((v) => v.status === 'published' && v !== this.inForce);
  }

  get open(): PolicyVersion | undefined {
    return this.versions.find(isOpenVersion);
  }

  get nextReview(): string | undefined {
    const policy = this.policy;
    return policy ? nextReviewOn(policy, this.versions, this.#reviews.current ?? []) : undefined;
  }

  /** Its periodic reviews, newest first ("reviewed, no change" makes no new version). */
  get reviews(): Review[] {
    return [...(this.#reviews.current ?? [])].sort((a, b) =>
      a.reviewedOn < b.reviewedOn ? 1 : a.reviewedOn > b.reviewedOn ? -1 : 0,
    );
  }

  /**
   * The history newest first: each version (from the day it took effect, or was started) and,
   * between them, each review (a "no change" one leaves the text as it was).
   */
  get history(): (
    { kind: 'version'; version: PolicyVersion } | { kind: 'review'; review: Review }
  )[] {
    const dated = [
      ...this.versions.map((version) => ({ on: (version.effectiveOn ?? version.createdAt).slice(0, 10), entry: { kind: 'version' as const, version } })),
      ...this.reviews.map((review) => ({ on: review.reviewedOn, entry: { kind: 'review' as const, review } })),
    ]; // prettier-ignore
    // Stable: versions keep their order; a review on a version's own day comes after it.
    return dated
      .map((item, index) => ({ ...item, index }))
      .sort((a, b) =>
        a.on < b.on
          ? 1
          : a.on > b.on
            ? -1
            : a.entry.kind === b.entry.kind
              ? a.index - b.index
              : a.entry.kind === 'review'
                ? -1
                : 1,
      ) // prettier-ignore
      .map((item) => item.entry);
  }

  statusOf(version: PolicyVersion): string {
    return versionStatusLabel(version, this.today);
  }
}
