import { parseDateOfBirth } from './date-of-birth.ts';
import { type Address, US_STATES, ZIP_PATTERN } from './person.schema.ts';
import { normalisePhone } from './phone.ts';

/**
 * The registration form as typed: every field a string under a flat, dotted key (`givenName`,
 * `primary.memberId`, `contacts.<key>.phone`), which is also the input's id, so an error links
 * straight to its field and a draft is a plain map of strings.
 */
export type PatientForm = Record<string, string>;
/** Problems by field key, in words a receptionist can act on. */
export type FieldErrors = Record<string, string>;

/**
 * Reads typed values out of a form, collecting one message per field. Every reader returns
 * `undefined` for a blank optional field and for a field it refused (with the refusal noted).
 */
export class FormReader {
  readonly errors: FieldErrors = {};
  readonly form: PatientForm;

  constructor(form: PatientForm) {
    this.form = form;
  }

  fail(key: string, message: string): undefined {
    this.errors[key] ??= message;
    return undefined;
  }

  /**
   * Trimmed with inner runs of spaces collapsed, in Unicode normal form C (a keyboard may type
   * "é" as e + accent; the stored record holds one spelling); '' when blank.
   */
  raw(key: string): string {
    return (this.form[key] ?? '').trim().replace(/\s+/g, ' ').normalize('NFC');
  }

  text(key: string, required?: string): string | undefined {
    const value = this.raw(key);
    if (!value) return required ? this.fail(key, required) : undefined;
    return value;
  }

  /** Any of the keys holds something. */
  any(...keys: string[]): boolean {
    return keys.some((key) => this.raw(key) !== '');
  }

  /** A date typed as MM/DD/YYYY (or ISO), returned as ISO. */
  date(key: string, options: { required?: string; notAfter?: string; label: string }) {
    const typed = this.raw(key);
    if (!typed) return options.required ? this.fail(key, options.required) : undefined;
    const date = parseDateOfBirth(typed);
    if (!date) return this.fail(key, 'Enter a real date as MM/DD/YYYY');
    if (options.notAfter && date > options.notAfter)
      return this.fail(key, `The ${options.label} cannot be in the future`);
    return date;
  }

  phone(key: string, required?: string): string | undefined {
    const typed = this.raw(key);
    if (!typed) return required ? this.fail(key, required) : undefined;
    return (
      normalisePhone(typed) ?? this.fail(key, 'Enter a 10-digit phone number with its area code')
    );
  }

  email(key: string): string | undefined {
    const typed = this.raw(key);
    if (!typed) return undefined;
    // The schema has the final word; this catches what staff mistype most.
    return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(typed)
      ? typed
      : this.fail(key, 'Enter an email address like name@example.com');
  }

  /** 'yes' / 'no' / '' → true / false / not recorded. */
  yesNo(key: string): boolean | undefined {
    const value = this.raw(key);
    return value === 'yes' ? true : value === 'no' ? false : undefined;
  }

  /** One of `values`, or undefined (with `required` as the message when it must be chosen). */
  choice<T extends string>(key: string, values: readonly T[], required?: string): T | undefined {
    const value = this.raw(key);
    const found = values.find((v) => v === value);
    if (found) return found;
    if (value) return this.fail(key, 'Choose one of the options');
    return required ? this.fail(key, required) : undefined;
  }

  /**
   * An address under `prefix` (`line1`, `city`…; the patient's home address has no prefix).
   * All blank is no address; a partial one names each missing part.
   */
  address(prefix: string, required = false): Address | undefined {
    const key = (part: string) => (prefix ? `${prefix}.${part}` : part);
    if (!this.any(...['line1', 'line2', 'city', 'state', 'postalCode'].map(key))) {
      if (required) this.fail(key('line1'), 'Enter the street address');
      return undefined;
    }
    const line1 = this.text(key('line1'), 'Enter the street address');
    const line2 = this.text(key('line2'));
    const city = this.text(key('city'), 'Enter the city');
    const state = US_STATES.find((s) => s === this.raw(key('state')).toUpperCase());
    if (!state) this.fail(key('state'), 'Choose a state');
    const postalCode = this.raw(key('postalCode'));
    if (!ZIP_PATTERN.test(postalCode))
      this.fail(key('postalCode'), 'Enter a 5-digit ZIP code (or ZIP+4)');
    if (!line1 || !city || !state || !ZIP_PATTERN.test(postalCode)) return undefined;
    return { line1, ...(line2 ? { line2 } : {}), city, state, postalCode };
  }

  /** Keys of the rows of a keyed list (`contacts.<key>.name` → `<key>`), in key order. */
  rowKeys(list: string): string[] {
    const keys = new Set<string>();
    for (const field of Object.keys(this.form)) {
      const match = new RegExp(`^${list}\\.([^.]+)\\.`).exec(field);
      if (match?.[1]) keys.add(match[1]);
    }
    return [...keys].sort();
  }
}

/** The keys of a form row in a keyed list: `rowKeys` as a free function for screens. */
export function formRowKeys(form: PatientForm, list: string): string[] {
  return new FormReader(form).rowKeys(list);
}

/** Removes one row of a keyed list (every `list.<key>.*` field) from a form. */
export function removeFormRow(form: PatientForm, list: string, key: string): void {
  for (const field of Object.keys(form))
    if (field.startsWith(`${list}.${key}.`)) delete form[field];
}
