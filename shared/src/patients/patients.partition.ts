import { PATIENT_RECORD_READERS } from '../auth/audiences.ts';
import { mergesCharts } from '../charts/chart-mergers.ts';
import { type PartitionDeclaration, stampKind, unchanged } from '../registry/partition.ts';

/**
 * The `patients` partition: the chart (demographics, coverage, consents, contacts). Reasons per
 * role are in ADR 8: the front desk registers and corrects; the office manager oversees and
 * settles conflicts; billing and clinicians identify the patient but do not change the chart's
 * identity; the administrator reads no patient data.
 */
export const PATIENTS_PARTITION = {
  read: PATIENT_RECORD_READERS,
  // 1 added `editedBy` and `conflicts`; 2 the full registration record (names, demographics,
  // contacts, coverage, consents), the chart number and the merge pointer; 3
  // `demographicsConfirmedAt` (check-in). Each only added optional fields: older documents are
  // valid as they are. 4 stamped every document with its kind (ADR 15).
  version: 4,
  migrations: { 1: unchanged, 2: unchanged, 3: unchanged, 4: stampKind('patient') },
  indexes: [['familyName', 'givenName', 'id']],
  kinds: {
    patient: {
      write: ['front-desk', 'office-manager'],
      // A merged-away chart is frozen: only those who merge charts may write it (or merge one
      // away), so an edit meant for the merged chart is refused visibly instead of vanishing.
      writableState: (role, doc) => doc.mergedInto === undefined || mergesCharts(role),
    },
  },
} as const satisfies PartitionDeclaration<'patient'>;
