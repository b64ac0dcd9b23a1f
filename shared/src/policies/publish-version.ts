import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import { approvalProgress } from './approval-progress.ts';
import type { Approval } from './approval.schema.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

export type PublishError = { code: 'not-approved' | 'policy-retired'; message: string };

export type Publication = {
  published: PolicyVersion;
  /** The version(s) it replaces, now history: kept, readable, no longer in force from its date. */
  superseded: PolicyVersion[];
  policy: Policy;
};

/**
 * The office manager publishes an approved version, in force from `effectiveOn` (today, or a
 * later day: "published, effective on …"). The version published before it is superseded from
 * that day, and stays readable as history. Signing is checked again here, against the
 * approvals as this device holds them: an approval that went stale since is not enough.
 */
export function publishVersion(
  input: {
    policy: Policy;
    version: PolicyVersion;
    /** The policy's versions, for the one(s) this supersedes. */
    versions: readonly PolicyVersion[];
    approvals: readonly Approval[];
    effectiveOn: string;
    versionLabel?: string;
  },
  editor: Editor,
  now: Date,
): Result<Publication, PublishError> {
  const { policy, version } = input;
  if (policy.retired)
    return fail({ code: 'policy-retired', message: 'A retired policy is not published' });
  if (version.status !== 'approved' || approvalProgress(version, input.approvals).signed.length < version.approvers.length) // prettier-ignore
    return fail({ code: 'not-approved', message: 'Only a version all its approvers signed is published' }); // prettier-ignore
  const at = now.toISOString();
  const stamp = { updatedAt: at, editedBy: editor };
  const published: PolicyVersion = {
    ...version,
    status: 'published',
    effectiveOn: input.effectiveOn,
    publishedAt: at,
    ...(input.versionLabel ? { versionLabel: input.versionLabel } : {}),
    ...stamp,
  };
  const superseded = input.versions
    .filter((other) => other.policyId === policy.id && other.id !== version.id && other.status === 'published') // prettier-ignore
    .map((other): PolicyVersion => ({ ...other, status: 'superseded', supersededOn: input.effectiveOn, ...stamp })); // prettier-ignore
  return ok({ published, superseded, policy: { ...policy, publishedVersionId: version.id, ...stamp } }); // prettier-ignore
}
