import { ROLES } from '../auth/roles.ts';
import type { PartitionDeclaration } from '../registry/partition.ts';
import { POLICIES_RECORD_SCOPE } from './policies-scope.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import { policyVersionChange, versionWritableBy } from './version-lifecycle.ts';

/** The lifecycle's two-state rule (a published version never changes), as the push judges it. */
const versionTransition = (stored: unknown, next: unknown): string | null => {
  const judged = policyVersionChange(
    (stored ?? undefined) as PolicyVersion | undefined,
    next as PolicyVersion,
  );
  return judged.ok ? null : judged.error.message;
};

/**
 * The `policies` partition (ADR 15): the practice's manuals, policies, their versions, the
 * approvals and the periodic reviews. Everyone reads it (policies hold no patient data, and every
 * role must read the policies that bind it); drafts and reviews are narrowed by the record scope
 * (`POLICIES_RECORD_SCOPE`).
 *
 * The office manager keeps the library (manuals, policies). A policy's owner and a draft's
 * authors may be of any role (a clinician owns the exposure control plan), and so may its
 * approvers: they write versions while being written and in review (`versionWritableBy`;
 * publishing, superseding and retiring are the office manager's), and each signs only their
 * own approval (the approval's `signedBy` is an author stamp the server takes only from the
 * signer's session). Which drafts a person may touch is the record scope's.
 */
export const POLICIES_PARTITION = {
  read: ROLES,
  version: 0,
  migrations: {},
  // Every kind has only the base's fields in common; the library reads by kind.
  indexes: ['kind'],
  recordScope: POLICIES_RECORD_SCOPE,
  kinds: {
    manual: { write: ['office-manager'] },
    policy: { write: ['office-manager'] },
    policyVersion: {
      write: ROLES,
      writableState: versionWritableBy,
      // Its id names both (versionIdOf); what else may change is `policyVersionChange`'s.
      fixed: ['policyId', 'versionNumber'],
      transition: versionTransition,
      // Text is a Yjs document: both sides' edits are kept (see mergePolicyVersions).
      // Loaded when first needed: Yjs stays off the first screen.
      loadMerge: () => import('./merge-policy-versions.ts').then((m) => m.mergePolicyVersions),
    },
    // A signature never changes once given: a new decision is a new approval.
    policyApproval: { write: ROLES, fixed: ['policyId', 'versionId', 'approverStaffId', 'round', 'step', 'decision', 'contentHash', 'meaning', 'signedAt', 'signedBy'] }, // prettier-ignore
    policyReview: { write: ROLES, fixed: ['policyId', 'byStaffId'] },
  },
} as const satisfies PartitionDeclaration<'manual' | 'policy' | 'policyVersion' | 'policyApproval' | 'policyReview'>; // prettier-ignore
