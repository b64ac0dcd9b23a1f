import type { Approval } from '@clinicdesk/shared/policies/approval.schema.ts';
import {
  type ApprovalProgress,
  approvalProgress,
} from '@clinicdesk/shared/policies/approval-progress.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { versionStatusLabel } from '@clinicdesk/shared/policies/version-lifecycle.ts';
import { today } from '../../clock.ts';
import { liveDocument, liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { StaffNames } from '../library/staff-names.svelte.ts';

/** Where this person stands with the version's signing. */
export type MySigning =
  | 'your-turn'
  /** This person approved an earlier text: it changed since, so it does not count. */
  | 'again'
  | 'signed'
  | 'waiting-for-others'
  | 'none';

/** One version's page: its state, its signing order and who signs next, kept live. */
export class VersionPage {
  readonly #version: { readonly current: PolicyVersion | null | undefined };
  readonly #policy: { readonly current: Policy | null | undefined };
  readonly #approvals: { readonly current: Approval[] | undefined };
  readonly #userId: string;
  readonly names: StaffNames;
  readonly today = today();

  constructor(workspace: Workspace, policyId: string, versionId: string) {
    this.#version = liveDocument(workspace, 'policyVersion', versionId);
    this.#policy = liveDocument(workspace, 'policy', policyId);
    this.#approvals = liveFind(workspace, 'policyApproval', { selector: { versionId } });
    this.#userId = workspace.user.id;
    this.names = new StaffNames(workspace);
  }

  get version(): PolicyVersion | null | undefined {
    return this.#version.current;
  }

  get policy(): Policy | null | undefined {
    return this.#policy.current;
  }

  get approvals(): Approval[] {
    return this.#approvals.current ?? [];
  }

  get status(): string {
    return this.version ? versionStatusLabel(this.version, this.today) : '';
  }

  get progress(): ApprovalProgress | undefined {
    return this.version ? approvalProgress(this.version, this.approvals) : undefined;
  }

  get mine(): MySigning {
    const version = this.version;
    const progress = this.progress;
    if (!version || !progress || !version.approvers.includes(this.#userId)) return 'none';
    if (progress.signed.some((approval) => approval.approverStaffId === this.#userId))
      return 'signed';
    if (progress.stale.some((stale) => stale.approval.approverStaffId === this.#userId))
      return 'again';
    return progress.next?.staffId === this.#userId ? 'your-turn' : 'waiting-for-others';
  }

  /** Whether this step of the signing order is signed for the text as it stands. */
  signedAt(step: number): Approval | undefined {
    return this.progress?.signed.find((approval) => approval.step === step);
  }

  staleOf(staffId: string): Approval | undefined {
    return this.progress?.stale.find((stale) => stale.approval.approverStaffId === staffId)
      ?.approval;
  }
}

/** What the approver affirms by signing, shown beside the button. */
export const SIGNING_MEANING = 'I have read this version and approve it for publication';
