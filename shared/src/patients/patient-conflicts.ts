import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import {
  canTypePatientField,
  formatPatientField,
  parsePatientField,
  patientFieldLabel,
} from './patient-fields.ts';
import type { Patient } from './patient.schema.ts';

/** Conflicts in a patient's registration record: fields named as the form names them. */
export const patientConflicts: ConflictDescriber<Patient> = {
  kind: 'Patient',
  title: (patient) => `${patient.givenName} ${patient.familyName}`,
  href: (patient) => `/patients/${patient.id}`,
  fieldLabel: patientFieldLabel,
  formatValue: formatPatientField,
  parseTyped: (path, text) => (canTypePatientField(path) ? parsePatientField(path, text) : null),
};
