import { ROLE_LABELS, type Role } from '../auth/roles.ts';
import { formatDateOfBirth } from '../patients/date-of-birth.ts';
import { fail, ok } from '../result.ts';
import { type ConflictDescriber, isEmptyValue } from '../sync/conflict-describer.ts';
import type { Category } from './category.schema.ts';
import type { Correspondent } from './correspondent.schema.ts';
import type { CustomField } from './custom-field.schema.ts';
import type { DocumentType } from './document-type.schema.ts';
import type { FiledDocument } from './filed-document.schema.ts';
import {
  CORRESPONDENT_TYPE_LABELS,
  CUSTOM_FIELD_TYPE_LABELS,
  DOCUMENT_SOURCE_LABELS,
} from './filing-labels.ts';
import type { LegalHold } from './legal-hold.schema.ts';
import type { RetentionRule } from './retention-rule.schema.ts';
import type { FilingSettings } from './settings/filing-settings.schema.ts';
import type { Tag } from './tag.schema.ts';

const LABELS: Record<string, string> = {
  title: 'Title',
  name: 'Name',
  documentDate: 'Document date',
  patientId: 'Patient',
  categoryId: 'Category',
  parentId: 'Filed under',
  documentTypeId: 'Document type',
  correspondentId: 'From or to',
  notes: 'Notes',
  source: 'Source',
  text: 'Text of the document',
  filed: 'Filed',
  trashed: 'In the trash',
  expiresOn: 'Expires on',
  description: 'Description',
  readRoles: 'Who may read it',
  order: 'Order',
  archived: 'Archived',
  matching: 'Suggest when the text matches',
  expires: 'Has an expiry date',
  fieldType: 'Kind of value',
  choices: 'Choices',
  correspondentType: 'Kind of correspondent',
  address: 'Address',
  phone: 'Phone',
  basis: 'Counted from',
  citation: 'Source of the rule',
  years: 'Years kept',
  majorityAge: 'Age of majority',
  reason: 'Reason',
  matter: 'Matter',
  released: 'Released',
  offlineBudgetMb: 'Storage for each device (MB)',
  recentDocumentDays: 'Days of documents that count as recent',
  trashDays: 'Days in the trash',
  _deleted: 'Removed',
};

/** Text fields settled by typing, with the schemas' limits. */
const TYPEABLE: Record<string, { max: number; what: string }> = {
  title: { max: 200, what: 'title' },
  name: { max: 120, what: 'name' },
  description: { max: 300, what: 'description' },
  reason: { max: 300, what: 'reason' },
  matter: { max: 200, what: 'matter' },
};

function fieldLabel(path: string): string {
  const [head, key] = path.split('.');
  if (head === 'tags') return 'Tag';
  if (head === 'fields') return 'Custom field';
  if (head === 'versions') return 'Version';
  if (head === 'moves') return 'Move';
  return LABELS[path] ?? LABELS[head ?? ''] ?? key ?? path;
}

function formatValue(path: string, value: unknown): string {
  if (isEmptyValue(value)) return '(empty)';
  if (path === '_deleted') return value === true ? 'Removed' : 'Kept';
  if (path.startsWith('tags.')) return value === true ? 'Tagged' : 'Not tagged';
  if (path === 'source' && typeof value === 'string' && value in DOCUMENT_SOURCE_LABELS)
    return DOCUMENT_SOURCE_LABELS[value as keyof typeof DOCUMENT_SOURCE_LABELS];
  if (
    path === 'correspondentType' &&
    typeof value === 'string' &&
    value in CORRESPONDENT_TYPE_LABELS
  )
    // prettier-ignore
    return CORRESPONDENT_TYPE_LABELS[value as keyof typeof CORRESPONDENT_TYPE_LABELS];
  if (path === 'fieldType' && typeof value === 'string' && value in CUSTOM_FIELD_TYPE_LABELS)
    return CUSTOM_FIELD_TYPE_LABELS[value as keyof typeof CUSTOM_FIELD_TYPE_LABELS];
  if (path === 'readRoles' && Array.isArray(value))
    return value.map((role) => ROLE_LABELS[role as Role] ?? String(role)).join(', ');
  if ((path === 'documentDate' || path === 'expiresOn') && typeof value === 'string')
    return formatDateOfBirth(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && value !== null && 'at' in value) {
    const at = (value as { at: unknown }).at;
    return typeof at === 'string' ? `Recorded ${at.slice(0, 10)}` : 'Recorded';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function parseTyped(path: string, text: string) {
  const rule = TYPEABLE[path];
  if (!rule) return null;
  const value = text.trim().replace(/\s+/g, ' ');
  if (!value) return fail(`Enter the ${rule.what}`);
  if (value.length > rule.max) return fail(`Keep the ${rule.what} under ${rule.max} characters`);
  return ok(value);
}

/** One describer per kind of the filing partition, sharing the words above. */
function describer<T>(
  kind: string,
  title: (doc: T) => string,
  href: (doc: T) => string | undefined,
): ConflictDescriber<T> {
  return { kind, title, href, fieldLabel, formatValue, parseTyped };
}

export const filedDocumentConflicts = describer<FiledDocument>(
  'Filed document',
  (doc) => doc.title,
  (doc) => `/filing/documents/${doc.id}`,
);
export const categoryConflicts = describer<Category>('Filing category', (c) => c.name, () => '/filing/setup'); // prettier-ignore
export const documentTypeConflicts = describer<DocumentType>('Document type', (t) => t.name, () => '/filing/setup'); // prettier-ignore
export const customFieldConflicts = describer<CustomField>('Custom field', (f) => f.name, () => '/filing/setup'); // prettier-ignore
export const correspondentConflicts = describer<Correspondent>('Correspondent', (c) => c.name, () => '/filing/setup'); // prettier-ignore
export const tagConflicts = describer<Tag>(
  'Tag',
  (t) => t.name,
  () => '/filing/setup',
);
export const retentionRuleConflicts = describer<RetentionRule>('Retention rule', (r) => r.name, () => '/filing/retention'); // prettier-ignore
export const legalHoldConflicts = describer<LegalHold>(
  'Legal hold',
  (hold) => `Legal hold: ${hold.reason}`,
  () => '/filing/retention',
);
export const filingSettingsConflicts = describer<FilingSettings>(
  'Filing settings',
  () => 'Filing settings',
  () => '/filing/setup/settings',
);
