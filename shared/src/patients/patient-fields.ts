import { fail, ok, type Result } from '../result.ts';
import { formatDateOfBirth, parseDateOfBirth } from './date-of-birth.ts';
import { type Address, SEX_LABELS, SEXES, US_STATES } from './patient.schema.ts';
import { formatPhone, normalisePhone } from './phone.ts';

/** Staff-facing names of patient fields, by dotted path (as conflicts name them). */
const LABELS: Record<string, string> = {
  givenName: 'First name',
  middleName: 'Middle name',
  familyName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Administrative sex',
  phone: 'Phone',
  email: 'Email',
  address: 'Home address',
  'address.line1': 'Street address',
  'address.line2': 'Apartment, suite',
  'address.city': 'City',
  'address.state': 'State',
  'address.postalCode': 'ZIP code',
  photo: 'Photo',
  _deleted: 'Removed',
};

export function patientFieldLabel(path: string): string {
  return LABELS[path] ?? path;
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

/** Fields a person may settle by typing a new value (single text values). */
export function canTypePatientField(path: string): boolean {
  return path in LABELS && !['address', 'photo', '_deleted', 'sex'].includes(path);
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
    case 'phone': {
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
