import type { PartitionDeclaration } from '../registry/partition.ts';
import { disclosureWritableBy, requestTransition, requestWritableBy } from './release-rules.ts';

/** The desk takes requests and releases; billing answers payers; the office manager oversees. */
const RELEASE_DESK = ['front-desk', 'billing', 'office-manager'] as const;

/**
 * The `disclosures` partition (ADR 15): release-of-information requests and the disclosures
 * made under them — the log of whom the practice released records to, which the accounting of
 * disclosures (45 CFR 164.528) is read from. Apart from `filing` because clinicians read filed
 * documents but not this log; a disclosure names filed documents by id and file hash. Every
 * reader reads every record: no record scope.
 *
 * Who may release what is `release-rules.ts`' (an accountable release and a denial are the
 * office manager's). A disclosure is a fact: what was sent, to whom, on what basis and when
 * never change once recorded; the recipient's address and the description may be corrected.
 * Indexed by `kind` alone, the one field all three kinds require.
 */
export const DISCLOSURES_PARTITION = {
  read: RELEASE_DESK,
  version: 0,
  migrations: {},
  indexes: ['kind'],
  kinds: {
    releaseRequest: {
      write: RELEASE_DESK,
      writableState: requestWritableBy,
      fixed: ['patientId', 'recorded'],
      transition: requestTransition,
    },
    disclosure: {
      write: RELEASE_DESK,
      writableState: disclosureWritableBy,
      fixed: ['requestId', 'patientId', 'purpose', 'basis', 'documents', 'releasePackage', 'disclosedOn', 'released', 'accountable'], // prettier-ignore
    },
    releaseLetterhead: { write: ['office-manager'] },
  },
} as const satisfies PartitionDeclaration<'releaseRequest' | 'disclosure' | 'releaseLetterhead'>;
