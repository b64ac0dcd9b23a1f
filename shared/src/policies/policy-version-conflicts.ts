import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue, parseTypedLine, POLICY_FIELD_LABELS } from './policy-conflict-words.ts'; // prettier-ignore
import type { PolicyVersion } from './policy-version.schema.ts';

const TYPEABLE = { changeSummary: [500, 'change summary'], versionLabel: [40, 'version label'] } as const; // prettier-ignore

/**
 * Conflicts in a policy version. Its text never conflicts (both sides' edits are merged); a
 * status, a date or a summary set differently on two devices does.
 */
export const policyVersionConflicts: ConflictDescriber<PolicyVersion> = {
  kind: 'Policy version',
  title: (version) => `Version ${version.versionNumber}`,
  href: (version) => `/policies/${version.policyId}/versions/${version.versionNumber}`,
  fieldLabel: (path) => POLICY_FIELD_LABELS[path] ?? path,
  formatValue: formatPolicyValue,
  parseTyped: (path, text) => parseTypedLine(TYPEABLE, path, text),
};
