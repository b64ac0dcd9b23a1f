import { formatDateOfBirth as usDate } from '../patients/date-of-birth.ts';
import { fail, ok } from '../result.ts';
import { type ConflictDescriber, isEmptyValue } from '../sync/conflict-describer.ts';
import type { Disclosure } from './disclosure.schema.ts';
import { DISCLOSURE_PURPOSES, type DisclosurePurpose } from './disclosure-purposes.ts';
import {
  DELIVERY_METHOD_LABELS,
  REQUEST_STATUS_LABELS,
  type DeliveryMethod,
  type RequestStatus,
} from './release-labels.ts';
import type { ReleaseLetterhead } from './release-letterhead.schema.ts';
import type { ReleaseRequest } from './release-request.schema.ts';

const LABELS: Record<string, string> = {
  requester: 'Requester',
  'requester.name': 'Requester',
  'requester.organisation': 'Requester’s organisation',
  'requester.address': 'Requester’s address',
  recipient: 'Recipient',
  'recipient.name': 'Recipient',
  'recipient.organisation': 'Recipient’s organisation',
  'recipient.address': 'Recipient’s address',
  recordsRequested: 'Records requested',
  purpose: 'Purpose',
  basis: 'Basis for the release',
  receivedOn: 'Received on',
  respondBy: 'Respond by',
  status: 'Status',
  extension: 'Extension of the 30 days',
  answeredOn: 'Answered on',
  denial: 'Denial',
  notes: 'Notes',
  description: 'What was released',
  purposeStatement: 'Statement of the purpose',
  delivery: 'Delivery',
  'delivery.method': 'Delivered by',
  'delivery.detail': 'Delivery detail',
  practiceName: 'Practice name',
  practiceAddress: 'Practice address',
  practicePhone: 'Practice phone',
  _deleted: 'Removed',
};

/** Text fields settled by typing, with the schemas' limits. */
const TYPEABLE: Record<string, { max: number; what: string }> = {
  'requester.name': { max: 120, what: 'requester’s name' },
  'requester.organisation': { max: 160, what: 'organisation' },
  'recipient.name': { max: 120, what: 'recipient’s name' },
  'recipient.organisation': { max: 160, what: 'organisation' },
  recordsRequested: { max: 300, what: 'description of the records requested' },
  description: { max: 300, what: 'description of what was released' },
  'delivery.detail': { max: 200, what: 'delivery detail' },
  practiceName: { max: 160, what: 'practice name' },
  practicePhone: { max: 40, what: 'practice phone' },
};

function fieldLabel(path: string): string {
  return LABELS[path] ?? LABELS[path.split('.')[0] ?? ''] ?? path;
}

function formatValue(path: string, value: unknown): string {
  if (isEmptyValue(value)) return '(empty)';
  if (path === '_deleted') return value === true ? 'Removed' : 'Kept';
  if (path === 'purpose' && typeof value === 'string' && value in DISCLOSURE_PURPOSES)
    return DISCLOSURE_PURPOSES[value as DisclosurePurpose].label;
  if (path === 'status' && typeof value === 'string' && value in REQUEST_STATUS_LABELS)
    return REQUEST_STATUS_LABELS[value as RequestStatus];
  if (path === 'delivery.method' && typeof value === 'string' && value in DELIVERY_METHOD_LABELS)
    return DELIVERY_METHOD_LABELS[value as DeliveryMethod];
  if (['receivedOn', 'answeredOn', 'respondBy'].includes(path) && typeof value === 'string')
    return usDate(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>;
    if (typeof fields.legalBasis === 'string') return fields.legalBasis;
    if ('authorization' in fields) return 'The patient’s authorization on file';
    if (typeof fields.reason === 'string') return fields.reason;
    if (typeof fields.name === 'string')
      return [fields.name, fields.organisation, fields.address].filter(Boolean).join(', ');
    if (typeof fields.method === 'string' && fields.method in DELIVERY_METHOD_LABELS)
      return [DELIVERY_METHOD_LABELS[fields.method as DeliveryMethod], fields.detail]
        .filter(Boolean)
        .join(': ');
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

export const releaseRequestConflicts: ConflictDescriber<ReleaseRequest> = {
  kind: 'Release request',
  title: (request, names) =>
    `Request from ${request.requester.name} for ${names(request.patientId) ?? 'a patient'}`,
  href: (request) => `/filing/releases/${request.id}`,
  fieldLabel,
  formatValue,
  parseTyped,
};

export const disclosureConflicts: ConflictDescriber<Disclosure> = {
  kind: 'Disclosure',
  title: (d, names) =>
    `Records of ${names(d.patientId) ?? 'a patient'} released to ${d.recipient.name} on ${usDate(d.disclosedOn)}`,
  href: (d) => `/filing/releases/${d.requestId}`,
  fieldLabel,
  formatValue,
  parseTyped,
};

export const releaseLetterheadConflicts: ConflictDescriber<ReleaseLetterhead> = {
  kind: 'Letterhead',
  title: (letterhead) => `Letterhead: ${letterhead.practiceName}`,
  href: () => '/filing/releases/letterhead',
  fieldLabel,
  formatValue,
  parseTyped,
};
