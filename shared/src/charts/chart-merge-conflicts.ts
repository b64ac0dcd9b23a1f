import { patientFieldLabel } from '../patients/patient-fields.ts';
import { type ConflictDescriber, isEmptyValue } from '../sync/conflict-describer.ts';
import type { ChartMerge, MergeChoice } from './chart-merge.schema.ts';

const CHOICE_LABELS: Record<MergeChoice, string> = {
  survivor: "The kept chart's value",
  merged: "The merged chart's value",
  both: 'Both values',
};

/** Conflicts in the record of a chart merge (two people recorded different choices for it). */
export const chartMergeConflicts: ConflictDescriber<ChartMerge> = {
  kind: 'Chart merge',
  title: (merge, names) =>
    `Merge of ${names(merge.mergedId) ?? 'a chart'} into ${names(merge.survivorId) ?? 'a chart'}`,
  href: (merge) => `/patients/${merge.survivorId}`,
  fieldLabel(path) {
    if (path.startsWith('choices.'))
      return `Value kept for ${patientFieldLabel(path.slice('choices.'.length)).toLowerCase()}`;
    if (path === 'survivorChartNumber') return 'Chart number kept';
    if (path === 'mergedChartNumber') return 'Chart number merged away';
    return path;
  },
  formatValue(_path, value) {
    if (isEmptyValue(value)) return '(empty)';
    if (typeof value === 'string' && value in CHOICE_LABELS)
      return CHOICE_LABELS[value as MergeChoice];
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
  parseTyped: () => null,
};
