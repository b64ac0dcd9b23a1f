import type { CustomField } from '@clinicdesk/shared/filing/custom-field.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';

/** A custom field's stored value: text (text, date, choice, link), a number (number, money in cents), yes/no. */
export type CustomValue = string | number | boolean;

/** Cents as staff read dollars: 123456 → "1,234.56". */
export function dollarsOf(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(whole / 100).toLocaleString('en-US')}.${String(whole % 100).padStart(2, '0')}`;
}

/** "$1,234.5" → 123450 cents; null when it is not an amount of money. */
export function centsOf(text: string): number | null {
  const cleaned = text.replace(/[\s$,]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const [whole = '0', fraction = ''] = cleaned.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? (negative ? -cents : cents) : null;
}

/** What the field's input shows for a stored value. */
export function inputText(
  field: Pick<CustomField, 'fieldType'>,
  value: CustomValue | undefined,
): string {
  if (value === undefined) return '';
  switch (field.fieldType) {
    case 'money':
      return typeof value === 'number' ? dollarsOf(value) : '';
    case 'yes-no':
      return value === true ? 'yes' : value === false ? 'no' : '';
    default:
      return String(value);
  }
}

/** The value to store for what was typed or chosen; undefined when emptied. */
export function valueOf(
  field: Pick<CustomField, 'fieldType' | 'name' | 'choices'>,
  text: string,
): Result<CustomValue | undefined, string> {
  const typed = text.trim();
  if (typed === '') return ok(undefined);
  switch (field.fieldType) {
    case 'money': {
      const cents = centsOf(typed);
      return cents === null
        ? fail(`${field.name}: enter an amount in dollars, like 125.00`)
        : ok(cents);
    }
    case 'number': {
      const number = Number(typed.replace(/,/g, ''));
      return Number.isFinite(number) ? ok(number) : fail(`${field.name}: enter a number`);
    }
    case 'yes-no':
      return ok(typed === 'yes');
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(typed) ? ok(typed) : fail(`${field.name}: enter a date`);
    case 'choice':
      return field.choices?.includes(typed)
        ? ok(typed)
        : fail(`${field.name}: choose one of the list`);
    default:
      return ok(typed);
  }
}
