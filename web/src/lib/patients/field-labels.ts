import type { PatientFormField } from '@clinicdesk/shared/patients/patient-form.ts';

export const PATIENT_FIELD_LABELS: Record<PatientFormField, string> = {
  givenName: 'First name',
  middleName: 'Middle name',
  familyName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Administrative sex',
  phone: 'Phone',
  email: 'Email',
  line1: 'Street address',
  line2: 'Apartment, suite',
  city: 'City',
  state: 'State',
  postalCode: 'ZIP code',
};
