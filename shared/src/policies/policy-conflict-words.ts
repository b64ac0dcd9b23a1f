import { fail, ok, type Result } from '../result.ts';
import { isEmptyValue } from '../sync/conflict-describer.ts';
import { TEXT_FAULT_MESSAGES, textFault } from '../text/well-formed-text.ts';
import {
  APPROVAL_DECISION_LABELS,
  REVIEW_OUTCOME_LABELS,
  VERSION_STATUS_LABELS,
} from './policy-labels.ts';

/**
 * What the policy kinds' conflict describers share: field names as the policy screens say them,
 * values as staff read them, and one-line text fields a person may settle by typing (checked
 * as the schema does, without loading zod: the inbox loads these words lazily, zod-free).
 */

export const POLICY_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Web address name',
  description: 'Description',
  order: 'Position',
  readableSignedOut: 'Readable without signing in',
  approvers: 'Approvers, in order',
  number: 'Policy number',
  ownerStaffId: 'Owner',
  area: 'Area',
  legalReferences: 'Legal references',
  reviewIntervalMonths: 'Review every (months)',
  reviewOn: 'Next review date',
  reviewWarningDays: 'Review warning (days)',
  publishedVersionId: 'Version published',
  privacyNotice: 'Notice of Privacy Practices',
  retired: 'Retired',
  retiredOn: 'Retired on',
  status: 'Status',
  effectiveOn: 'Effective date',
  changeSummary: 'Change summary',
  materialChange: 'Material change',
  contentHash: 'Content fingerprint',
  authors: 'Authors',
  quiz: 'Quiz questions',
  versionLabel: 'Version label',
  supersededOn: 'Superseded on',
  decision: 'Decision',
  meaning: 'Meaning of the signature',
  comment: 'Comment',
  reviewedOn: 'Review date',
  outcome: 'Outcome',
  note: 'Note',
  _deleted: 'Removed',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: VERSION_STATUS_LABELS,
  decision: APPROVAL_DECISION_LABELS,
  outcome: REVIEW_OUTCOME_LABELS,
};

export function formatPolicyValue(path: string, value: unknown): string {
  if (isEmptyValue(value)) return '(empty)';
  const labels = VALUE_LABELS[path];
  if (labels && typeof value === 'string' && value in labels) return labels[value]!;
  if (path === '_deleted') return value === true ? 'Removed' : 'Kept';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (path === 'contentHash' && typeof value === 'string') return value.slice(0, 12);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Typing settles the field: `{ field: [max, what] }` with the schema's limits. */
export type TypeableFields = Readonly<Record<string, readonly [number, string]>>;

export function parseTypedLine(
  typeable: TypeableFields,
  path: string,
  text: string,
): Result<unknown, string> | null {
  const rule = typeable[path];
  if (!rule) return null;
  const [max, what] = rule;
  const value = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!value) return ok(undefined);
  if (value.length > max) return fail(`Keep the ${what} under ${max} characters`);
  const fault = textFault(value);
  return fault ? fail(`The ${what} ${TEXT_FAULT_MESSAGES[fault]}`) : ok(value);
}
