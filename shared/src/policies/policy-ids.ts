/**
 * Ids derived from what a record is, not drawn at random: two devices that start the same
 * revision, record the same approval or take the same person's acknowledgment while apart write
 * the same record, which then merges, instead of two that both count (the visit id's idea).
 */

/** Version `n` of a policy: `<policy id>-v<n>`. */
export function versionIdOf(policyId: string, versionNumber: number): string {
  return `${policyId}-v${versionNumber}`;
}

/**
 * An approver's decision at one step of one review round on one content:
 * `<version id>-r<round>-s<step>-<hash prefix>`. A decision on changed content, or in a later
 * round, is a new record, so an earlier signature is never overwritten.
 */
export function approvalIdOf(
  versionId: string,
  round: number,
  step: number,
  contentHash: string,
): string {
  return `${versionId}-r${round}-s${step}-${contentHash.slice(0, 12)}`;
}
