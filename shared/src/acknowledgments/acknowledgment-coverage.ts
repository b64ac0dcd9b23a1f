import type { PolicyVersion } from '../policies/policy-version.schema.ts';
import type { Acknowledgment } from './acknowledgment.schema.ts';

const ISSUED = new Set(['published', 'superseded', 'retired']);

/**
 * Whether any version of the policy issued after version `from`, up to and including `to`,
 * was a material change. Editorial versions (a typo, a new phone number) call for no new
 * acknowledgment: this is the "re-assignment only on a material change" rule.
 */
export function materialChangeBetween(
  versions: readonly PolicyVersion[],
  policyId: string,
  from: number,
  to: number,
): boolean {
  return versions.some(
    (version) =>
      version.policyId === policyId &&
      ISSUED.has(version.status) &&
      version.versionNumber > from &&
      version.versionNumber <= to &&
      version.materialChange,
  );
}

/**
 * Whether a person's acknowledgment satisfies an assignment of version `required` of its
 * policy: it is complete, bound to the content of the version it names (an acknowledgment of
 * other text does not count), and of that version, a later one, or an earlier one with only
 * editorial changes since.
 */
export function acknowledgmentCovers(
  ack: Acknowledgment,
  required: Pick<PolicyVersion, 'policyId' | 'versionNumber'>,
  versions: readonly PolicyVersion[],
): boolean {
  if (!ack.acknowledgedAt || ack.policyId !== required.policyId) return false;
  const read = versions.find((version) => version.id === ack.versionId);
  if (!read || read.contentHash !== ack.contentHash) return false;
  return (
    read.versionNumber >= required.versionNumber ||
    !materialChangeBetween(versions, required.policyId, read.versionNumber, required.versionNumber)
  );
}
