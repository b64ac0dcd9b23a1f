import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Review } from '@clinicdesk/shared/policies/review.schema.ts';
import { nextReviewOn } from '@clinicdesk/shared/policies/review-cycle.ts';
import { isOpenVersion } from '@clinicdesk/shared/policies/start-revision.ts';
import { versionInForce } from '@clinicdesk/shared/policies/version-in-force.ts';
import { versionStatusLabel } from '@clinicdesk/shared/policies/version-lifecycle.ts';
import { today } from '../../clock.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import { syncStatus } from '../../sync/sync-status.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { StaffNames } from './staff-names.svelte.ts';

/** One line of a manual's list of policies. */
export type PolicyRow = {
  policy: Policy;
  inForce: PolicyVersion | undefined;
  /** "Published", "Published, effective on 01/04/2027", "Draft" (no version in force yet)… */
  status: string;
  /** A version being written, if any ("Revision in review"). */
  open: PolicyVersion | undefined;
  effectiveOn: string | undefined;
  nextReview: string | undefined;
  owner: string;
};

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/**
 * The policy library as the device holds it, kept live: the manuals in order, each with its
 * policies in order and what each one's status is today. Drafts appear only where this person
 * may read them (the record scope decides what reached the device).
 */
export class PolicyLibrary {
  readonly #manuals: { readonly current: Manual[] | undefined };
  readonly #policies: { readonly current: Policy[] | undefined };
  readonly #versions: { readonly current: PolicyVersion[] | undefined };
  readonly #reviews: { readonly current: Review[] | undefined };
  readonly names: StaffNames;
  readonly today = today();

  constructor(workspace: Workspace) {
    this.#manuals = liveFind(workspace, 'manual', { selector: {} });
    this.#policies = liveFind(workspace, 'policy', { selector: {} });
    this.#versions = liveFind(workspace, 'policyVersion', { selector: {} });
    this.#reviews = liveFind(workspace, 'policyReview', { selector: {} });
    this.names = new StaffNames(workspace);
  }

  get loaded(): boolean {
    return this.#manuals.current !== undefined && this.#policies.current !== undefined;
  }

  /**
   * Whether this device holds the whole library as the server has it: until then an empty
   * library may only be one that has not arrived, and adopting the starter manual on top of the
   * practice's own would bring back texts it has since revised.
   */
  get complete(): boolean {
    return syncStatus.downloadsKnown && syncStatus.download('policies') === null;
  }

  get manuals(): Manual[] {
    return [...(this.#manuals.current ?? [])].sort(byOrder);
  }

  rowsOf(manualId: string): PolicyRow[] {
    const versions = this.#versions.current ?? [];
    const reviews = this.#reviews.current ?? [];
    return (this.#policies.current ?? [])
      .filter((policy) => policy.manualId === manualId)
      .sort(byOrder)
      .map((policy) => {
        const own = versions.filter((version) => version.policyId === policy.id);
        const inForce = versionInForce(own, policy.id, this.today);
        const latest = own.find((version) => version.id === policy.publishedVersionId);
        const shown = latest ?? inForce;
        const open = own.find(isOpenVersion);
        return {
          policy,
          inForce,
          open,
          status: policy.retired
            ? 'Retired'
            : shown
              ? versionStatusLabel(shown, this.today)
              : open
                ? versionStatusLabel(open, this.today)
                : 'No version yet',
          effectiveOn: (inForce ?? latest)?.effectiveOn,
          nextReview: nextReviewOn(policy, own, reviews),
          owner: this.names.nameOf(policy.ownerStaffId, policy.editedBy),
        };
      });
  }
}
