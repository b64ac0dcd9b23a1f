import {
  type RetentionBasis,
  validateRetentionRule,
} from '@clinicdesk/shared/filing/retention/retention-rule.ts';

/** The rule form as typed: every field text, as the inputs hold it. */
export interface RuleInput {
  name: string;
  categoryId: string;
  documentTypeId: string;
  basis: string;
  years: string;
  majorityAge: string;
  citation: string;
}

/** What a checked form stores (the record's own fields; id and times are the action's). */
export interface RuleFields {
  name: string;
  categoryId?: string;
  documentTypeId?: string;
  basis: RetentionBasis;
  years: number;
  majorityAge?: number;
  citation?: string;
}

export type RuleField = 'name' | 'appliesTo' | 'basis' | 'years' | 'majorityAge';
export type RuleProblems = Partial<Record<RuleField, string>>;

const FIELD_OF_CODE = {
  'retention-basis-unknown': 'basis',
  'retention-years-invalid': 'years',
  'majority-age-invalid': 'majorityAge',
} as const satisfies Record<string, RuleField>;

/** "10" → 10; "", "ten" → NaN, which the rule refuses with its own words. */
const wholeNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The rule's own numbers (basis, years, age of majority) as typed, checked by the rule. */
export function ruleNumbers(input: Pick<RuleInput, 'basis' | 'years' | 'majorityAge'>) {
  const ageOfMajority = input.basis === 'age-of-majority';
  return validateRetentionRule({
    basis: input.basis,
    years: wholeNumber(input.years),
    majorityAge:
      ageOfMajority && input.majorityAge.trim() !== '' ? wholeNumber(input.majorityAge) : undefined,
  });
}

/**
 * The form's fields checked as the office manager types, in the rule's own words
 * (`validateRetentionRule`: whole years from 0 to 100, a majority age from 14 to 25 — refused,
 * never rounded), with a name and what the rule applies to. The majority age is kept only for
 * the age-of-majority basis, where an empty one means 18.
 */
export function checkRuleInput(
  input: RuleInput,
): { ok: true; value: RuleFields } | { ok: false; problems: RuleProblems } {
  const problems: RuleProblems = {};
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.name = 'Give the rule a name staff will recognise';
  if (input.categoryId === '' && input.documentTypeId === '')
    problems.appliesTo = 'Choose the category or the document type the rule applies to';
  const rule = ruleNumbers(input);
  if (!rule.ok) problems[FIELD_OF_CODE[rule.error.code]] = rule.error.message;
  if (!rule.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  const citation = input.citation.trim();
  return {
    ok: true,
    value: {
      name,
      ...(input.categoryId !== '' && { categoryId: input.categoryId }),
      ...(input.documentTypeId !== '' && { documentTypeId: input.documentTypeId }),
      basis: rule.value.basis,
      years: rule.value.years,
      ...(rule.value.majorityAge !== undefined && { majorityAge: rule.value.majorityAge }),
      ...(citation !== '' && { citation }),
    },
  };
}

/** An empty form: ten years after the document date, the commonest rule. */
export const EMPTY_RULE_INPUT: RuleInput = {
  name: '',
  categoryId: '',
  documentTypeId: '',
  basis: 'document-date',
  years: '10',
  majorityAge: '',
  citation: '',
};

/** A stored rule back in the form, to edit it. */
export function inputOfRule(rule: {
  name: string;
  categoryId?: string | undefined;
  documentTypeId?: string | undefined;
  basis: RetentionBasis;
  years: number;
  majorityAge?: number | undefined;
  citation?: string | undefined;
}): RuleInput {
  return {
    name: rule.name,
    categoryId: rule.categoryId ?? '',
    documentTypeId: rule.documentTypeId ?? '',
    basis: rule.basis,
    years: String(rule.years),
    majorityAge: rule.majorityAge === undefined ? '' : String(rule.majorityAge),
    citation: rule.citation ?? '',
  };
}
