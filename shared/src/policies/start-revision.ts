import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { Manual } from './manual.schema.ts';
import { versionIdOf } from './policy-ids.ts';
import { EMPTY_POLICY_TEXT } from './policy-text.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

export type RevisionError = {
  code: 'revision-open' | 'policy-retired';
  message: string;
  /** The version already being written, for "open it instead". */
  openVersionId?: string;
};

/** A version still being written, in review or approved and not yet published. */
export const isOpenVersion = (version: PolicyVersion) =>
  version.status === 'draft' || version.status === 'in-review' || version.status === 'approved';

/**
 * Editing a policy starts a new draft version: a published version never changes. The draft
 * starts from the latest issued version's text (its Yjs state, so the redline and the merge know
 * every earlier edit), numbered one after the highest, signed by the policy's approvers (else
 * its manual's). A material change will call for acknowledgment again; an editorial one will
 * not. One revision at a time: a policy with a version still being written opens that one. Two
 * devices that start the same revision apart write the same version id, and merge.
 */
export function startRevision(
  input: {
    policy: Policy;
    manual: Pick<Manual, 'approvers'>;
    /** The policy's versions (others are ignored). */
    versions: readonly PolicyVersion[];
    changeSummary: string;
    materialChange: boolean;
  },
  editor: Editor,
  now: Date,
): Result<PolicyVersion, RevisionError> {
  const { policy } = input;
  if (policy.retired)
    return fail({ code: 'policy-retired', message: 'A retired policy is not revised' });
  const own = input.versions.filter((version) => version.policyId === policy.id);
  const open = own.find(isOpenVersion);
  if (open)
    return fail({
      code: 'revision-open',
      message: `Version ${open.versionNumber} is still being written: continue it instead`,
      openVersionId: open.id,
    });
  const latest = own.reduce<PolicyVersion | undefined>(
    (found, version) => (!found || version.versionNumber > found.versionNumber ? version : found),
    undefined,
  );
  const versionNumber = (latest?.versionNumber ?? 0) + 1;
  const at = now.toISOString();
  return ok({
    id: versionIdOf(policy.id, versionNumber),
    kind: 'policyVersion',
    policyId: policy.id,
    versionNumber,
    status: 'draft',
    changeSummary: input.changeSummary,
    // The first version is all new to its readers.
    materialChange: latest === undefined ? true : input.materialChange,
    text: latest?.text ?? EMPTY_POLICY_TEXT,
    reviewRound: 0,
    approvers: [...(policy.approvers ?? input.manual.approvers)],
    authors: [editor.userId],
    ...(latest?.quiz ? { quiz: latest.quiz } : {}),
    createdAt: at,
    updatedAt: at,
    editedBy: editor,
  });
}
