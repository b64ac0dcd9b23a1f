import type { Role } from './roles.ts';

/**
 * The read audiences partitions share (ADR 15): whoever works with patients' records, and
 * everyone. The administrator manages accounts and devices and reads no patient data.
 */
export const PATIENT_RECORD_READERS = [
  'front-desk',
  'billing',
  'clinician',
  'office-manager',
] as const satisfies readonly Role[];
