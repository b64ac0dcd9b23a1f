import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue } from '../policies/policy-conflict-words.ts';
import type { Acknowledgment } from './acknowledgment.schema.ts';
import {
  ACKNOWLEDGMENT_METHOD_LABELS,
  type AcknowledgmentMethod,
} from './acknowledgment-labels.ts';

const LABELS: Record<string, string> = {
  acknowledgedAt: 'Acknowledged at',
  method: 'Confirmed by',
  typedName: 'Name typed',
  offline: 'Given offline',
  attempts: 'Quiz attempts',
  _deleted: 'Removed',
};

/**
 * Conflicts in an acknowledgment. Its merge leaves none in the act itself (the earlier one
 * stands); what remains is chosen, never typed: nobody retypes another person's acknowledgment.
 */
export const acknowledgmentConflicts: ConflictDescriber<Acknowledgment> = {
  kind: 'Acknowledgment',
  title: (ack) => `Acknowledgment of version ${ack.versionId.split('-v').at(-1) ?? ''}`,
  href: (ack) => `/policies/${ack.policyId}`,
  fieldLabel: (path) => LABELS[path] ?? path,
  formatValue: (path, value) =>
    path === 'method' && typeof value === 'string' && value in ACKNOWLEDGMENT_METHOD_LABELS
      ? ACKNOWLEDGMENT_METHOD_LABELS[value as AcknowledgmentMethod]
      : formatPolicyValue(path, value),
  parseTyped: () => null,
};
