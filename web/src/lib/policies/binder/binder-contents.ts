import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { versionInForce } from '@clinicdesk/shared/policies/version-in-force.ts';

/**
 * What the downtime binder holds on `day`: the manuals marked readable signed out, in their
 * order, each with its policies in theirs (retired ones left out), each with the version in
 * force and any published to take effect later. A policy with neither (only drafts) is left out:
 * the binder is for what staff are to follow, never for text nobody approved.
 */
export type BinderSelection = {
  manual: Manual;
  policies: { policy: Policy; versions: PolicyVersion[] }[];
}[];

export function binderSelection(
  manuals: readonly Manual[],
  policies: readonly Policy[],
  versions: readonly PolicyVersion[],
  day: string,
): BinderSelection {
  return manuals
    .filter((manual) => manual.readableSignedOut)
    .sort(byOrder)
    .map((manual) => ({
      manual,
      policies: policies
        .filter(
          (policy) =>
            policy.manualId === manual.id &&
            !policy.retired &&
            !(policy.retiredOn && policy.retiredOn <= day),
        )
        .sort(byOrder)
        .flatMap((policy) => {
          const inForce = versionInForce(versions, policy.id, day);
          const later = versions.filter(
            (version) =>
              version.policyId === policy.id &&
              version.status === 'published' &&
              version.effectiveOn !== undefined &&
              version.effectiveOn > day,
          );
          const chosen = [...(inForce ? [inForce] : []), ...later].sort(
            (a, b) => a.versionNumber - b.versionNumber,
          );
          return chosen.length > 0 ? [{ policy, versions: chosen }] : [];
        }),
    }))
    .filter((entry) => entry.policies.length > 0);
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
