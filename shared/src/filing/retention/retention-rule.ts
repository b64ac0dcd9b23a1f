import { fail, ok, type Result } from '../../result.ts';

/** What a retention period counts from (issue 12.7). */
export const RETENTION_BASES = ['document-date', 'last-visit', 'age-of-majority'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

/**
 * How long a document is kept before it is due for disposition review: `years` after its
 * document date, after the patient's last visit, or — for records of patients who may be
 * minors — until both `years` after the document date and `years` after the patient comes of
 * age (`majorityAge`, 18 when not set) have passed. See docs/filing-retention-defaults.md.
 */
export interface RetentionRule {
  basis: RetentionBasis;
  years: number;
  majorityAge?: number | undefined;
}

/** The age of majority in every US state but three (Alabama and Nebraska 19, Mississippi 21). */
export const DEFAULT_MAJORITY_AGE = 18;
export const MAX_RETENTION_YEARS = 100;
/** State laws set 18–21; the bounds leave room for a rule such as "until 25" (hospital minors). */
export const MIN_MAJORITY_AGE = 14;
export const MAX_MAJORITY_AGE = 25;

export type RetentionRuleError = {
  code: 'retention-basis-unknown' | 'retention-years-invalid' | 'majority-age-invalid';
  message: string;
};

/**
 * A retention rule as the office manager writes it: a known basis, whole years from 0 to 100,
 * and for the age-of-majority basis a majority age from 14 to 25. Anything else is refused
 * rather than rounded, since a rounded-down number would let a document be destroyed early.
 */
export function validateRetentionRule(input: {
  basis: string;
  years: number;
  majorityAge?: number | undefined;
}): Result<RetentionRule, RetentionRuleError> {
  const basis = RETENTION_BASES.find((known) => known === input.basis);
  if (!basis)
    return fail({
      code: 'retention-basis-unknown',
      message: 'Keep documents from their document date, the last visit or the age of majority',
    });
  if (!Number.isInteger(input.years) || input.years < 0 || input.years > MAX_RETENTION_YEARS)
    return fail({
      code: 'retention-years-invalid',
      message: `Keep documents for a whole number of years, from 0 to ${MAX_RETENTION_YEARS}`,
    });
  const { majorityAge } = input;
  if (
    majorityAge !== undefined &&
    (!Number.isInteger(majorityAge) ||
      majorityAge < MIN_MAJORITY_AGE ||
      majorityAge > MAX_MAJORITY_AGE)
  )
    return fail({
      code: 'majority-age-invalid',
      message: `The age of majority is a whole number from ${MIN_MAJORITY_AGE} to ${MAX_MAJORITY_AGE}`,
    });
  return ok({
    basis,
    years: input.years,
    ...(basis === 'age-of-majority' ? { majorityAge: majorityAge ?? DEFAULT_MAJORITY_AGE } : {}),
  });
}
