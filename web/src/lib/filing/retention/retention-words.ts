import type { RetentionBasis } from '@clinicdesk/shared/filing/retention/retention-rule.ts';
import { DEFAULT_MAJORITY_AGE } from '@clinicdesk/shared/filing/retention/retention-rule.ts';

/** The bases as the rule form offers them, in the office's words. */
export const BASIS_CHOICES: readonly { value: RetentionBasis; label: string; hint: string }[] = [
  {
    value: 'document-date',
    label: 'After the document date',
    hint: 'Counted from the date on the document (a contract, an EOB, a policy).',
  },
  {
    value: 'last-visit',
    label: 'After the patient’s last visit',
    hint: 'Counted from the patient’s most recent visit, or the document date if that is later.',
  },
  {
    value: 'age-of-majority',
    label: 'After the patient comes of age',
    hint: 'For minors’ records: counted from the birthday on which the patient comes of age, and never less than the same years after the document date.',
  },
];

const years = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;

/** "10 years after the patient’s last visit": how long a rule keeps documents. */
export function retentionInWords(rule: {
  basis: RetentionBasis;
  years: number;
  majorityAge?: number | undefined;
}): string {
  switch (rule.basis) {
    case 'document-date':
      return `${years(rule.years)} after the document date`;
    case 'last-visit':
      return `${years(rule.years)} after the patient’s last visit`;
    case 'age-of-majority':
      return `${years(rule.years)} after the patient turns ${rule.majorityAge ?? DEFAULT_MAJORITY_AGE}`;
  }
}

/** "Everything filed under Clinical", "Lab result documents under Clinical". */
export function appliesToInWords(
  categoryPath: string | undefined,
  typeName: string | undefined,
): string {
  if (typeName && categoryPath) return `${typeName} documents under ${categoryPath}`;
  if (typeName) return `${typeName} documents, wherever they are filed`;
  if (categoryPath) return `Everything filed under ${categoryPath}`;
  return 'Nothing yet: choose a category or a document type';
}

/** "1 day", "4,294 days". */
export function daysInWords(days: number): string {
  return `${days.toLocaleString('en-US')} ${days === 1 ? 'day' : 'days'}`;
}
