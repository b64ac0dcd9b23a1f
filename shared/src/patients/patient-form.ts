import { fail, ok, type Result } from '../result.ts';
import { parseDateOfBirth } from './date-of-birth.ts';
import { type Patient, patientSchema, SEXES, US_STATES } from './patient.schema.ts';
import { normalisePhone } from './phone.ts';

/** The registration form as typed: every field a string, nothing normalised yet. */
export type PatientForm = {
  givenName: string;
  middleName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  phone: string;
  email: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
};
export type PatientFormField = keyof PatientForm;
export type FieldErrors = Partial<Record<PatientFormField, string>>;

/** What staff enter about a patient: the document without its id and timestamps. */
export type PatientDetails = Omit<Patient, 'id' | 'createdAt' | 'updatedAt'>;

export const EMPTY_PATIENT_FORM: PatientForm = {
  givenName: '',
  middleName: '',
  familyName: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  email: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
};

const OLDEST_AGE_YEARS = 130;

/**
 * Checks a typed form and turns it into patient details. Every problem is reported at once,
 * per field, in words a receptionist can act on. `today` (ISO) comes from the caller's clock.
 */
export function validatePatientForm(
  form: PatientForm,
  today: string,
): Result<PatientDetails, FieldErrors> {
  const errors: FieldErrors = {};
  const text = (field: PatientFormField) => collapseSpaces(form[field]);

  const dateOfBirth = parseDateOfBirth(form.dateOfBirth);
  if (!form.dateOfBirth.trim()) errors.dateOfBirth = 'Enter the date of birth';
  else if (!dateOfBirth) errors.dateOfBirth = 'Enter a real date as MM/DD/YYYY';
  else if (dateOfBirth > today) errors.dateOfBirth = 'The date of birth cannot be in the future';
  else if (Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) > OLDEST_AGE_YEARS)
    errors.dateOfBirth = `The date of birth is more than ${OLDEST_AGE_YEARS} years ago`;

  let phone: string | undefined;
  if (form.phone.trim()) {
    phone = normalisePhone(form.phone) ?? undefined;
    if (!phone) errors.phone = 'Enter a 10-digit phone number with its area code';
  }

  const sex = SEXES.find((s) => s === form.sex);
  if (!sex) errors.sex = 'Choose the administrative sex';

  const addressParts = [
    text('line1'),
    text('line2'),
    text('city'),
    text('state'),
    text('postalCode'),
  ];
  const hasAddress = addressParts.some(Boolean);
  if (hasAddress) {
    if (!text('line1')) errors.line1 = 'Enter the street address';
    if (!text('city')) errors.city = 'Enter the city';
    if (!US_STATES.some((s) => s === text('state').toUpperCase())) errors.state = 'Choose a state';
    if (!/^\d{5}(-\d{4})?$/.test(text('postalCode')))
      errors.postalCode = 'Enter a 5-digit ZIP code (or ZIP+4)';
  }

  const candidate = {
    id: '00000000-0000-7000-8000-000000000000',
    givenName: text('givenName'),
    middleName: text('middleName') || undefined,
    familyName: text('familyName'),
    dateOfBirth: dateOfBirth ?? '0000-00-00',
    sex: sex ?? 'unknown',
    phone,
    email: text('email') || undefined,
    address: hasAddress
      ? {
          line1: text('line1'),
          line2: text('line2') || undefined,
          city: text('city'),
          state: text('state').toUpperCase(),
          postalCode: text('postalCode'),
        }
      : undefined,
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
  };
  // The document schema has the final word on names and email (and anything missed above).
  const parsed = patientSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(issue.path);
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return fail(errors);

  const { id: _id, createdAt: _c, updatedAt: _u, ...details } = parsed.data;
  return ok(details);
}

function formFieldOf(path: PropertyKey[]): PatientFormField | undefined {
  const [head, sub] = path;
  if (head === 'address' && typeof sub === 'string' && sub in EMPTY_PATIENT_FORM)
    return sub as PatientFormField;
  return typeof head === 'string' && head in EMPTY_PATIENT_FORM
    ? (head as PatientFormField)
    : undefined;
}

function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** A stored patient back into the form, for editing. */
export function patientToForm(patient: PatientDetails): PatientForm {
  return {
    givenName: patient.givenName,
    middleName: patient.middleName ?? '',
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth
      ? `${patient.dateOfBirth.slice(5, 7)}/${patient.dateOfBirth.slice(8, 10)}/${patient.dateOfBirth.slice(0, 4)}`
      : '',
    sex: patient.sex,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    line1: patient.address?.line1 ?? '',
    line2: patient.address?.line2 ?? '',
    city: patient.address?.city ?? '',
    state: patient.address?.state ?? '',
    postalCode: patient.address?.postalCode ?? '',
  };
}
