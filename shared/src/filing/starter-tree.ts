import type { Role } from '../auth/roles.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { Category } from './category.schema.ts';
import type { CustomField } from './custom-field.schema.ts';
import type { DocumentType } from './document-type.schema.ts';
import type { Matching } from './filing-fields.ts';
import type { CustomFieldType } from './filing-labels.ts';
import type { Tag } from './tag.schema.ts';

/**
 * The file tree a practice may start from (issue 12): where a small US practice's papers go,
 * in its office's words, with the records the law keeps narrow already restricted. The office
 * manager changes any of it afterwards; nothing here is fixed once made.
 */
export interface StarterCategory {
  name: string;
  description?: string;
  /** Only these roles read what is filed here and below (`categoryReaders`). */
  readRoles?: readonly Role[];
  children?: readonly StarterCategory[];
}

/** Clinicians treat, the office manager runs the files: the two who read sensitive records. */
const CLINICAL_ONLY: readonly Role[] = ['clinician', 'office-manager'];
const OFFICE_MANAGER_ONLY: readonly Role[] = ['office-manager'];

export const STARTER_CATEGORIES: readonly StarterCategory[] = [
  {
    name: 'Clinical',
    children: [
      {
        name: 'Outside records',
        description: 'Records from other practices, labs and hospitals',
        children: [{ name: 'Labs' }, { name: 'Imaging' }, { name: 'Hospital records' }],
      },
      { name: 'Referrals' },
      { name: 'Consultation letters' },
      { name: 'Signed forms & consents' },
    ],
  },
  {
    name: 'Behavioral health',
    description: 'Mental health records: clinicians and the office manager only',
    readRoles: CLINICAL_ONLY,
  },
  {
    name: 'Substance-use treatment',
    description:
      '42 CFR Part 2 records: released only with the patient’s written consent or as Part 2 allows',
    readRoles: CLINICAL_ONLY,
  },
  {
    name: 'HIV & sexual health',
    description: 'Protected by state law in most states: clinicians and the office manager only',
    readRoles: CLINICAL_ONLY,
  },
  {
    name: 'Administrative',
    children: [
      { name: 'Insurance cards' },
      { name: 'EOBs & payer letters' },
      { name: 'Prior authorizations' },
      { name: 'Correspondence' },
    ],
  },
  {
    name: 'Practice',
    description: 'The practice’s own papers, with no patient',
    children: [
      // ADR 15 names contracts with personnel files as the office manager's alone.
      { name: 'Contracts', readRoles: OFFICE_MANAGER_ONLY },
      { name: 'Business associate agreements' },
      { name: 'Licences & permits' },
      { name: 'Insurance policies' },
      { name: 'Vendor invoices' },
    ],
  },
  {
    name: 'Personnel files',
    description: 'Staff records: the office manager only',
    readRoles: OFFICE_MANAGER_ONLY,
  },
];

export interface StarterField {
  name: string;
  fieldType: CustomFieldType;
}

export interface StarterDocumentType {
  name: string;
  /** Has an expiry date worth a reminder. */
  expires?: boolean;
  fields?: readonly StarterField[];
  /** Suggests the type for a scan whose text reads so (the inbox's matching, issue 12.4). */
  matching?: Matching;
}

const anyOf = (pattern: string): Matching => ({ algorithm: 'any', pattern, caseSensitive: false });

const AGREEMENT_FIELDS: readonly StarterField[] = [
  { name: 'Counterparty', fieldType: 'text' },
  { name: 'Renewal notice (days)', fieldType: 'number' },
];

export const STARTER_DOCUMENT_TYPES: readonly StarterDocumentType[] = [
  { name: 'Lab result', matching: anyOf('"lab report" "laboratory report" specimen') },
  { name: 'Referral letter', matching: anyOf('referral "referred by"') },
  { name: 'Consultation note', matching: anyOf('consultation') },
  { name: 'Hospital discharge summary', matching: anyOf('"discharge summary"') },
  { name: 'Imaging report', matching: anyOf('radiology MRI CT ultrasound x-ray') },
  {
    name: 'Insurance card',
    fields: [
      { name: 'Member ID', fieldType: 'text' },
      { name: 'Plan', fieldType: 'text' },
    ],
  },
  { name: 'EOB', matching: anyOf('"explanation of benefits" EOB') },
  { name: 'Prior authorization', matching: anyOf('"prior authorization" "prior auth"') },
  { name: 'Signed consent' },
  { name: 'Release authorization', matching: anyOf('"authorization to release"') },
  { name: 'Correspondence' },
  { name: 'Contract', expires: true, fields: AGREEMENT_FIELDS },
  {
    name: 'BAA',
    expires: true,
    fields: AGREEMENT_FIELDS,
    matching: anyOf('"business associate agreement"'),
  },
  { name: 'Licence', expires: true },
  { name: 'Insurance policy', expires: true },
  {
    name: 'Invoice',
    fields: [
      { name: 'Amount', fieldType: 'money' },
      { name: 'Due date', fieldType: 'date' },
    ],
    matching: anyOf('invoice'),
  },
  { name: 'Personnel record' },
];

export const STARTER_TAGS: readonly string[] = [
  'Needs review',
  'Needs signature',
  'Original kept on paper',
];

export interface StarterRecords {
  /** Parents before their children, so a device that stores them in order never holds an orphan. */
  categories: Category[];
  documentTypes: DocumentType[];
  customFields: CustomField[];
  tags: Tag[];
}

/** What making the records needs from outside: ids (UUIDv7), the time, and who does it. */
export interface StarterMaker {
  newId: () => string;
  /** ISO instant stamped as created and updated. */
  now: string;
  editor: Editor;
}

/**
 * The starter tree as records to store. Pure: the same ids, time and editor give the same
 * records. Siblings are ordered as listed (`order` 0, 1, 2…).
 */
export function starterFilingRecords({ newId, now, editor }: StarterMaker): StarterRecords {
  const stamps = { createdAt: now, updatedAt: now, editedBy: editor };
  const categories: Category[] = [];
  const addCategories = (list: readonly StarterCategory[], parentId?: string) =>
    list.forEach((starter, order) => {
      const id = newId();
      categories.push({
        id,
        kind: 'category',
        name: starter.name,
        ...(parentId !== undefined && { parentId }),
        ...(starter.description !== undefined && { description: starter.description }),
        ...(starter.readRoles !== undefined && { readRoles: [...starter.readRoles] }),
        order,
        ...stamps,
      });
      if (starter.children) addCategories(starter.children, id);
    });
  addCategories(STARTER_CATEGORIES);

  const documentTypes: DocumentType[] = [];
  const customFields: CustomField[] = [];
  for (const starter of STARTER_DOCUMENT_TYPES) {
    const id = newId();
    documentTypes.push({
      id,
      kind: 'documentType',
      name: starter.name,
      ...(starter.expires && { expires: true }),
      ...(starter.matching && { matching: { ...starter.matching } }),
      ...stamps,
    });
    (starter.fields ?? []).forEach((field, order) =>
      customFields.push({
        id: newId(),
        kind: 'customField',
        name: field.name,
        documentTypeId: id,
        fieldType: field.fieldType,
        order,
        ...stamps,
      }),
    );
  }

  const tags: Tag[] = STARTER_TAGS.map((name) => ({ id: newId(), kind: 'tag', name, ...stamps }));
  return { categories, documentTypes, customFields, tags };
}
