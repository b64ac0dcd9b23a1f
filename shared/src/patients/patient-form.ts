import { fail, ok, type Result } from '../result.ts';
import { contactsToForm, readContacts } from './contacts-form.ts';
import { consentsToForm, readConsents } from './consents-form.ts';
import { COVERAGE_ORDERS } from './coverage.schema.ts';
import { isoToForm, planToForm, readCoverage } from './coverage-form.ts';
import { ageOn } from './date-of-birth.ts';
import { type FieldErrors, FormReader, type PatientForm } from './form-reader.ts';
import {
  ETHNICITIES,
  GENDER_IDENTITIES,
  LANGUAGE_PATTERN,
  PHONE_TYPES,
  type PhoneType,
  PRONOUNS,
  type Race,
  RACES,
} from './patient-codes.ts';
import { type Patient, patientSchema, SEXES } from './patient.schema.ts';
import { formatPhone } from './phone.ts';

export type { FieldErrors, PatientForm } from './form-reader.ts';

/** What staff enter about a patient: the document without its id, stamps and bookkeeping. */
export type PatientDetails = Omit<
  Patient,
  'id' | 'kind' | 'createdAt' | 'updatedAt' | 'editedBy' | 'conflicts' | 'chartNumber' | 'mergedInto' | 'photo'
>; // prettier-ignore

/** The fields every form starts with; keyed rows (contacts, previous names) are added as typed. */
export const EMPTY_PATIENT_FORM: PatientForm = {
  givenName: '',
  middleName: '',
  familyName: '',
  dateOfBirth: '',
  sex: '',
  mobilePhone: '',
  homePhone: '',
  workPhone: '',
  preferredPhone: '',
  email: '',
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
};

const OLDEST_AGE_YEARS = 130;
const ADULT_AGE = 18;

/**
 * Checks a typed form and turns it into patient details. Every problem is reported at once, per
 * field. Only the name, date of birth and administrative sex are required of everyone; the rest
 * is checked when typed, plus what a part needs once it is started (a plan's member id, a
 * contact's phone) and a guarantor for a minor. `today` (ISO) comes from the caller's clock.
 */
export function validatePatientForm(
  form: PatientForm,
  today: string,
): Result<PatientDetails, FieldErrors> {
  const r = new FormReader(form);

  const dateOfBirth = r.date('dateOfBirth', {
    required: 'Enter the date of birth',
    notAfter: today,
    label: 'date of birth',
  });
  if (dateOfBirth && Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) > OLDEST_AGE_YEARS)
    r.fail('dateOfBirth', `The date of birth is more than ${OLDEST_AGE_YEARS} years ago`);
  const sex = r.choice('sex', SEXES, 'Choose the administrative sex');

  const phones: Partial<Record<PhoneType, string>> = {};
  for (const type of PHONE_TYPES) {
    const phone = r.phone(`${type}Phone`);
    if (phone) phones[type] = phone;
  }
  const typed = PHONE_TYPES.filter((type) => r.raw(`${type}Phone`));
  let phoneType = r.choice('preferredPhone', PHONE_TYPES) ?? typed[0];
  if (phoneType && !r.raw(`${phoneType}Phone`)) {
    r.fail('preferredPhone', `Enter the ${phoneType} number, or choose another preferred phone`);
    phoneType = undefined;
  }
  const otherPhones = Object.fromEntries(
    Object.entries(phones).filter(([type]) => type !== phoneType),
  );

  const race = r.raw('race') ? (r.raw('race').split(',') as Race[]) : undefined;
  if (race && !race.every((value) => RACES.includes(value))) r.fail('race', 'Choose from the list');
  else if (race?.includes('declined') && race.length > 1)
    r.fail('race', '"Chose not to answer" cannot be combined with a race');
  const language = r.text('preferredLanguage');
  if (language && !LANGUAGE_PATTERN.test(language))
    r.fail('preferredLanguage', 'Choose a language from the list');

  const address = r.address('');
  const isMinor = !!dateOfBirth && ageOn(dateOfBirth, today) < ADULT_AGE;

  const candidate = {
    id: '00000000-0000-7000-8000-000000000000',
    givenName: r.raw('givenName'),
    middleName: r.text('middleName'),
    familyName: r.raw('familyName'),
    suffix: r.text('suffix'),
    preferredName: r.text('preferredName'),
    previousNames: readPreviousNames(r, today),
    dateOfBirth: dateOfBirth ?? '0000-00-00',
    dateOfBirthEstimated: r.raw('dateOfBirthEstimated') === 'yes' ? true : undefined,
    sex: sex ?? 'unknown',
    genderIdentity: r.choice('genderIdentity', GENDER_IDENTITIES),
    genderIdentityText:
      r.raw('genderIdentity') === 'other' ? r.text('genderIdentityText') : undefined,
    pronouns: r.choice('pronouns', PRONOUNS),
    pronounsText: r.raw('pronouns') === 'other' ? r.text('pronounsText') : undefined,
    race: race ? [...race].sort() : undefined,
    ethnicity: r.choice('ethnicity', ETHNICITIES),
    preferredLanguage: language,
    interpreterNeeded: r.yesNo('interpreterNeeded'),
    phone: phoneType ? phones[phoneType] : undefined,
    phoneType: phoneType && phones[phoneType] ? phoneType : undefined,
    otherPhones: Object.keys(otherPhones).length > 0 ? otherPhones : undefined,
    email: r.email('email'),
    address,
    mailingAddress: r.address('mailing'),
    ...readContacts(r, { today, isMinor }),
    coverage: readCoverage(r, { today, patientAddress: address }),
    ...readConsents(r, today),
    kind: 'patient',
    createdAt: '2000-01-01T00:00:00.000Z',
    updatedAt: '2000-01-01T00:00:00.000Z',
  };
  if (!r.raw('givenName')) r.fail('givenName', 'Enter the first name');
  if (!r.raw('familyName')) r.fail('familyName', 'Enter the last name');
  // The document schema has the final word on names and anything missed above.
  const parsed = patientSchema.safeParse(withoutUndefined(candidate));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) r.fail(formKeyOf(issue.path), issue.message);
  }
  if (Object.keys(r.errors).length > 0 || !parsed.success) return fail(r.errors);

  const { id: _id, kind: _k, createdAt: _c, updatedAt: _u, ...details } = parsed.data;
  return ok(details);
}

function readPreviousNames(r: FormReader, today: string): Patient['previousNames'] {
  const names: NonNullable<Patient['previousNames']> = {};
  for (const key of r.rowKeys('previousNames')) {
    const field = (part: string) => `previousNames.${key}.${part}`;
    if (!r.any(field('givenName'), field('familyName'), field('until'))) continue;
    const familyName = r.text(field('familyName'), 'Enter the previous last name');
    const givenName = r.text(field('givenName'));
    const until = r.date(field('until'), { notAfter: today, label: 'date' });
    if (familyName)
      names[key] = { familyName, ...(givenName ? { givenName } : {}), ...(until ? { until } : {}) };
  }
  return Object.keys(names).length > 0 ? names : undefined;
}

/** Where the form keeps a part of the record, when it is not under the schema's own name. */
const FORM_PREFIX: Record<string, string> = {
  emergencyContacts: 'contacts',
  primaryCareProvider: 'pcp',
  referringProvider: 'referring',
  preferredPharmacy: 'pharmacy',
  privacyNotice: 'npp',
  communication: 'comm',
  consents: 'consent',
};

/**
 * The form field a schema issue belongs to, so its message shows beside what was typed: schema
 * paths and form keys coincide but for the parts named in FORM_PREFIX and the addresses.
 */
function formKeyOf(path: PropertyKey[]): string {
  const [top = '', ...rest] = path.map(String);
  if (top === 'address') return rest.join('.') || 'line1';
  if (top === 'mailingAddress') return `mailing.${rest.join('.') || 'line1'}`;
  // A subscriber's address fields sit beside their name on the form: `primary.subscriber.city`.
  if (top === 'coverage') return rest.join('.').replace('.address.', '.');
  if (top === 'phone') return 'mobilePhone';
  return [FORM_PREFIX[top] ?? top, ...rest].join('.');
}

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A stored patient back into the form, for editing. */
export function patientToForm(patient: PatientDetails): PatientForm {
  const form: PatientForm = { ...EMPTY_PATIENT_FORM };
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) form[key] = value;
  };
  set('givenName', patient.givenName);
  set('middleName', patient.middleName);
  set('familyName', patient.familyName);
  set('suffix', patient.suffix);
  set('preferredName', patient.preferredName);
  for (const [key, name] of Object.entries(patient.previousNames ?? {})) {
    set(`previousNames.${key}.givenName`, name.givenName ?? '');
    set(`previousNames.${key}.familyName`, name.familyName);
    if (name.until) set(`previousNames.${key}.until`, isoToForm(name.until));
  }
  set('dateOfBirth', patient.dateOfBirth ? isoToForm(patient.dateOfBirth) : '');
  if (patient.dateOfBirthEstimated) set('dateOfBirthEstimated', 'yes');
  set('sex', patient.sex);
  set('genderIdentity', patient.genderIdentity);
  set('genderIdentityText', patient.genderIdentityText);
  set('pronouns', patient.pronouns);
  set('pronounsText', patient.pronounsText);
  set('race', patient.race?.join(','));
  set('ethnicity', patient.ethnicity);
  set('preferredLanguage', patient.preferredLanguage);
  if (patient.interpreterNeeded !== undefined)
    set('interpreterNeeded', patient.interpreterNeeded ? 'yes' : 'no');
  // Records from before typed phones have a number without a type: offered as the mobile.
  if (patient.phone) {
    const type = patient.phoneType ?? 'mobile';
    set(`${type}Phone`, formatPhone(patient.phone));
    set('preferredPhone', type);
  }
  for (const [type, phone] of Object.entries(patient.otherPhones ?? {}))
    set(`${type}Phone`, formatPhone(phone));
  set('email', patient.email);
  for (const [prefix, address] of [
    ['', patient.address],
    ['mailing.', patient.mailingAddress],
  ] as const) {
    set(`${prefix}line1`, address?.line1);
    set(`${prefix}line2`, address?.line2);
    set(`${prefix}city`, address?.city);
    set(`${prefix}state`, address?.state);
    set(`${prefix}postalCode`, address?.postalCode);
  }
  Object.assign(form, contactsToForm(patient), consentsToForm(patient));
  for (const order of COVERAGE_ORDERS) {
    const plan = patient.coverage?.[order];
    if (plan) Object.assign(form, planToForm(order, plan));
  }
  // Phones of contacts and care team are shown as typed at the desk, not as stored.
  for (const [key, value] of Object.entries(form))
    if (/\.(phone|Phone)$/.test(key) && value.startsWith('+')) form[key] = formatPhone(value);
  return form;
}
