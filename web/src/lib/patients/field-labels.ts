import {
  EMPTY_PATIENT_FORM,
  type PatientFormField,
} from '@clinicdesk/shared/patients/patient-form.ts';
import { patientFieldLabel } from '@clinicdesk/shared/patients/patient-fields.ts';

const ADDRESS_FIELDS = new Set<PatientFormField>(['line1', 'line2', 'city', 'state', 'postalCode']);

/** Labels of the registration form's fields, in form order (the error summary lists them so). */
export const PATIENT_FIELD_LABELS = Object.fromEntries(
  (Object.keys(EMPTY_PATIENT_FORM) as PatientFormField[]).map((field) => [
    field,
    patientFieldLabel(ADDRESS_FIELDS.has(field) ? `address.${field}` : field),
  ]),
) as Record<PatientFormField, string>;
