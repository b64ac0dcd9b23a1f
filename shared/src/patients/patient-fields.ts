import { fail, ok, type Result } from '../result.ts';
import { formatDateOfBirth, parseDateOfBirth } from './date-of-birth.ts';
import { US_STATES } from './patient-codes.ts';
import type { Address } from './patient.schema.ts';
import { SEX_LABELS, SEXES } from './sex.ts';
import { formatPhone, normalisePhone } from './phone.ts';

const ADDRESS_PARTS: Record<string, string> = {
  line1: 'street address',
  line2: 'apartment, suite',
  city: 'city',
  state: 'state',
  postalCode: 'ZIP code',
};
const PERSON_PARTS: Record<string, string> = {
  givenName: 'first name',
  familyName: 'last name',
  dateOfBirth: 'date of birth',
  sex: 'sex',
  phone: 'phone',
  otherPhone: 'other phone',
  name: 'name',
  relationship: 'relationship',
  address: 'address',
  employer: 'employer',
  occupation: 'occupation',
  npi: 'NPI',
  location: 'location',
  until: 'used until',
  personalRepresentative: 'personal representative',
  authority: 'authority',
};
const PLAN_PARTS: Record<string, string> = {
  payerType: 'payer type',
  payerName: 'payer',
  planName: 'plan',
  memberId: 'member id',
  groupNumber: 'group number',
  relationship: 'relationship to subscriber',
  subscriber: 'subscriber',
  effectiveDate: 'effective date',
  endDate: 'end date',
  copayCents: 'copay',
  cardFront: 'card front',
  cardBack: 'card back',
};
const CONSENT_PARTS: Record<string, string> = {
  status: 'answer',
  version: 'version',
  date: 'date',
  method: 'method',
  effort: 'good-faith effort',
  reason: 'reason',
  expires: 'expires',
};

/** Staff-facing names of patient fields, by dotted path (as conflicts name them). */
const LABELS: Record<string, string> = {
  chartNumber: 'Chart number',
  mergedInto: 'Merged into',
  givenName: 'First name',
  middleName: 'Middle name',
  familyName: 'Last name',
  suffix: 'Suffix',
  preferredName: 'Preferred name',
  previousNames: 'Previous names',
  dateOfBirth: 'Date of birth',
  dateOfBirthEstimated: 'Birth date is estimated',
  sex: 'Administrative sex',
  genderIdentity: 'Gender identity',
  genderIdentityText: 'Gender identity (own words)',
  pronouns: 'Pronouns',
  pronounsText: 'Pronouns (own words)',
  race: 'Race',
  ethnicity: 'Ethnicity',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
  phone: 'Preferred phone',
  phoneType: 'Preferred phone type',
  otherPhones: 'Other phones',
  'otherPhones.mobile': 'Mobile phone',
  'otherPhones.home': 'Home phone',
  'otherPhones.work': 'Work phone',
  email: 'Email',
  address: 'Home address',
  'address.line1': 'Street address',
  'address.line2': 'Apartment, suite',
  'address.city': 'City',
  'address.state': 'State',
  'address.postalCode': 'ZIP code',
  mailingAddress: 'Mailing address',
  emergencyContacts: 'Emergency contacts',
  guarantor: 'Guarantor',
  employer: 'Employer',
  primaryCareProvider: 'Primary-care provider',
  referringProvider: 'Referring provider',
  preferredPharmacy: 'Preferred pharmacy',
  coverage: 'Coverage',
  privacyNotice: 'Privacy notice',
  communication: 'Communication permissions',
  'communication.voicemail': 'May leave voicemail',
  'communication.sms': 'May text',
  'communication.email': 'May email',
  'communication.mail': 'May send mail',
  'communication.leaveMessageWith': 'May leave a message with',
  consents: 'Consents',
  photo: 'Photo',
  _deleted: 'Removed',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The label of a nested path: the section's label, then its part in lower case, e.g.
 * `coverage.primary.memberId` → "Primary plan: member id". Entry keys (generated ids) are not
 * shown: staff see "Emergency contact: phone".
 */
function nestedLabel(path: string): string | undefined {
  const [head, second, ...rest] = path.split('.');
  const tail = rest.join('.');
  const part = (parts: Record<string, string>, key: string | undefined) =>
    key === undefined
      ? undefined
      : (parts[key] ??
        (key.startsWith('address.') ? `address ${ADDRESS_PARTS[key.slice(8)] ?? ''}`.trim() : key));
  switch (head) {
    case 'mailingAddress':
      return `Mailing address: ${part(ADDRESS_PARTS, second) ?? ''}`;
    case 'emergencyContacts':
      return tail ? `Emergency contact: ${part(PERSON_PARTS, tail)}` : 'Emergency contact';
    case 'previousNames':
      return tail ? `Previous name: ${part(PERSON_PARTS, tail)}` : 'Previous name';
    case 'guarantor':
    case 'employer':
    case 'primaryCareProvider':
    case 'referringProvider':
    case 'preferredPharmacy':
      return `${LABELS[head]}: ${part(PERSON_PARTS, [second, ...rest].join('.'))}`;
    case 'coverage': {
      const plan = second ? `${capitalise(second)} plan` : 'Coverage';
      if (!tail) return plan;
      if (tail.startsWith('subscriber.'))
        return `${plan}: subscriber ${part(PERSON_PARTS, tail.slice(11))}`;
      return `${plan}: ${part(PLAN_PARTS, tail)}`;
    }
    case 'privacyNotice':
      return `Privacy notice: ${part(CONSENT_PARTS, second)}`;
    case 'consents': {
      const kind = second ? capitalise(second.replaceAll('-', ' ')) : 'Consent';
      return tail ? `${kind}: ${part(CONSENT_PARTS, tail)}` : kind;
    }
    default:
      return undefined;
  }
}

export function patientFieldLabel(path: string): string {
  return LABELS[path] ?? nestedLabel(path) ?? path;
}

/** A stored value as staff read it; an absent value reads "(empty)". */
export function formatPatientField(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (path === 'phone' && typeof value === 'string') return formatPhone(value);
  if (path === 'dateOfBirth' && typeof value === 'string') return formatDateOfBirth(value);
  if (path === 'sex' && typeof value === 'string' && value in SEX_LABELS)
    return SEX_LABELS[value as keyof typeof SEX_LABELS];
  if (path === '_deleted') return value === true ? 'Removed' : 'Kept';
  if (path === 'address' && typeof value === 'object') {
    const a = value as Partial<Address>;
    return [a.line1, a.line2, a.city, [a.state, a.postalCode].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  }
  if (path === 'photo') return 'A photo';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fields a person may settle by typing a new value: single text values the form types. */
const TYPEABLE = new Set(['givenName', 'middleName', 'familyName', 'suffix', 'preferredName', 'dateOfBirth', 'phone', 'email', 'address.line1', 'address.line2', 'address.city', 'address.state', 'address.postalCode', 'otherPhones.mobile', 'otherPhones.home', 'otherPhones.work', 'communication.leaveMessageWith']); // prettier-ignore

export function canTypePatientField(path: string): boolean {
  return TYPEABLE.has(path);
}

/**
 * What someone typed to settle a conflict, read by the registration form's rules: "(555)
 * 201-0147" becomes `+15552010147`, "3/4/1985" becomes `1985-03-04`. Empty removes an optional
 * field and is refused for a required one.
 */
export function parsePatientField(path: string, text: string): Result<unknown, string> {
  const value = text.trim().replace(/\s+/g, ' ');
  const required = ['givenName', 'familyName', 'dateOfBirth', 'sex', 'address.line1', 'address.city', 'address.state', 'address.postalCode']; // prettier-ignore
  if (!value) return required.includes(path) ? fail('This field cannot be empty') : ok(undefined);
  switch (path) {
    case 'phone':
    case 'otherPhones.mobile':
    case 'otherPhones.home':
    case 'otherPhones.work': {
      const phone = normalisePhone(value);
      return phone ? ok(phone) : fail('Enter a 10-digit phone number with its area code');
    }
    case 'dateOfBirth': {
      const date = parseDateOfBirth(value);
      return date ? ok(date) : fail('Enter a real date as MM/DD/YYYY');
    }
    case 'sex':
      return SEXES.some((s) => s === value) ? ok(value) : fail('Choose the administrative sex');
    case 'address.state': {
      const state = value.toUpperCase();
      return US_STATES.some((s) => s === state) ? ok(state) : fail('Enter a two-letter state');
    }
    case 'address.postalCode':
      return /^\d{5}(-\d{4})?$/.test(value)
        ? ok(value)
        : fail('Enter a 5-digit ZIP code (or ZIP+4)');
    default:
      return ok(value);
  }
}
