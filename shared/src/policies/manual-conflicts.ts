import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import type { Manual } from './manual.schema.ts';
import { formatPolicyValue, parseTypedLine, POLICY_FIELD_LABELS } from './policy-conflict-words.ts'; // prettier-ignore

const TYPEABLE = { title: [160, 'title'], description: [500, 'description'] } as const;

/** Conflicts in a manual (two office managers' devices changed it apart). */
export const manualConflicts: ConflictDescriber<Manual> = {
  kind: 'Manual',
  title: (manual) => manual.title,
  href: (manual) => `/policies/manuals/${manual.slug}`,
  fieldLabel: (path) => POLICY_FIELD_LABELS[path] ?? path,
  formatValue: formatPolicyValue,
  parseTyped: (path, text) => parseTypedLine(TYPEABLE, path, text),
};
