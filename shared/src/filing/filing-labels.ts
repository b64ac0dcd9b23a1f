import { MATCHING_ALGORITHMS, type MatchingAlgorithm } from './matching/matching-rule.ts';

/**
 * The filing system's fixed lists and the words staff read for them. Zod-free, so that screens
 * and the first screen's code can use them without the schemas.
 */

/** How a document came into the practice's files. */
export const DOCUMENT_SOURCES = ['scan', 'upload', 'generated'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];
export const DOCUMENT_SOURCE_LABELS: Record<DocumentSource, string> = {
  scan: 'Scanned at the desk',
  upload: 'Uploaded',
  generated: 'Made by ClinicDesk',
};

/** Who a document is from or to. */
export const CORRESPONDENT_TYPES = [
  'payer',
  'lab',
  'hospital',
  'practice',
  'vendor',
  'attorney',
  'agency',
  'patient',
  'other',
] as const;
export type CorrespondentType = (typeof CORRESPONDENT_TYPES)[number];
export const CORRESPONDENT_TYPE_LABELS: Record<CorrespondentType, string> = {
  payer: 'Insurance payer',
  lab: 'Laboratory',
  hospital: 'Hospital',
  practice: 'Other practice',
  vendor: 'Vendor',
  attorney: 'Attorney',
  agency: 'Government agency',
  patient: 'Patient or family',
  other: 'Other',
};

/** What a custom field holds; fixed once the field is made (a value of another type would be lost). */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'date',
  'number',
  'money',
  'yes-no',
  'choice',
  'document-link',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  date: 'Date',
  number: 'Number',
  money: 'Amount of money',
  'yes-no': 'Yes or no',
  choice: 'Choice from a list',
  'document-link': 'Link to another document',
};

/** Where a document's text came from: inside the PDF, or recognised from the image. */
export const TEXT_SOURCES = ['pdf', 'device-recognition', 'server-recognition'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

/** How a matching rule reads a document's text (as Paperless-ngx's algorithms): the rules' list. */
export { MATCHING_ALGORITHMS, type MatchingAlgorithm };
export const MATCHING_ALGORITHM_LABELS: Record<MatchingAlgorithm, string> = {
  none: 'Never suggest',
  any: 'Any of these words',
  all: 'All of these words',
  exact: 'This exact phrase',
  regex: 'Regular expression',
  fuzzy: 'Close to this text (typos allowed)',
};
