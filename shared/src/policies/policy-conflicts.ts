import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue, parseTypedLine, POLICY_FIELD_LABELS } from './policy-conflict-words.ts'; // prettier-ignore
import type { Policy } from './policy.schema.ts';

const TYPEABLE = { title: [160, 'title'], area: [80, 'area'] } as const;

/** Conflicts in a policy's lasting details (number, title, owner, review cycle). */
export const policyConflicts: ConflictDescriber<Policy> = {
  kind: 'Policy',
  title: (policy) => `${policy.number} ${policy.title}`,
  href: (policy) => `/policies/${policy.id}`,
  fieldLabel: (path) => POLICY_FIELD_LABELS[path] ?? path,
  formatValue: formatPolicyValue,
  parseTyped: (path, text) => parseTypedLine(TYPEABLE, path, text),
};
