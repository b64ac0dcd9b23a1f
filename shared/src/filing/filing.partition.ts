import { type PartitionDeclaration, unchanged } from '../registry/partition.ts';
import { FILING_READERS, FILING_SCOPE } from './filing-scope.ts';

/** Those who file papers: the desk scans, billing files EOBs, clinicians file outside records. */
const FILERS = ['front-desk', 'billing', 'clinician', 'office-manager'] as const;

/**
 * The `filing` partition (ADR 15): the practice's documents and the setup they are filed by.
 * Read by whoever works with patients' records, and within that by category (`FILING_SCOPE`):
 * a restricted category's documents never reach a device whose user may not read them.
 *
 * The tree and the rules of the files (categories, document types and their custom fields,
 * retention rules, legal holds, the practice's filing settings) are the office manager's; tags
 * and correspondents anyone who files may add, as the desk meets a new lab or payer.
 *
 * Indexed by `kind` alone: an index may only name fields every kind requires (ADR 15,
 * amendment), and a partition of a few thousand documents is searched through its own text
 * index on the device, not through IndexedDB's.
 */
export const FILING_PARTITION = {
  read: FILING_READERS,
  // 1: the practice's filing settings (a new kind; no stored record changes shape).
  version: 1,
  migrations: { 1: unchanged },
  indexes: ['kind'],
  recordScope: FILING_SCOPE,
  kinds: {
    // Who captured a document decides who reads it until it is filed: fixed, like its kind.
    filedDocument: { write: FILERS, fixed: ['captured'] },
    category: { write: ['office-manager'] },
    documentType: { write: ['office-manager'] },
    customField: { write: ['office-manager'], fixed: ['fieldType', 'documentTypeId'] },
    correspondent: { write: FILERS },
    tag: { write: FILERS },
    retentionRule: { write: ['office-manager'] },
    legalHold: { write: ['office-manager'] },
    // One record for the practice: the trash period, and what each device keeps offline.
    filingSettings: { write: ['office-manager'] },
  },
} as const satisfies PartitionDeclaration<
  | 'filedDocument'
  | 'category'
  | 'documentType'
  | 'customField'
  | 'correspondent'
  | 'tag'
  | 'retentionRule'
  | 'legalHold'
  | 'filingSettings'
>;
