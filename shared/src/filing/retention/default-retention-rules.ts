import type { RetentionRule } from './retention-rule.ts';

/** A starting retention schedule for one kind of category, with where its number comes from. */
export interface DefaultRetention {
  /** What staff read in the schedule ("Patient records"). */
  label: string;
  /**
   * Every rule applies, and the one that ends last decides (`retentionFor`): the clinical
   * default counts both from the last visit and from the age of majority.
   */
  rules: readonly RetentionRule[];
  /** The law or practice the number comes from, shown beside it. */
  source: string;
}

/**
 * Where a US practice starts, keyed by the slug of the category (or category kind) it is set
 * on. These are starting points, not legal advice: the practice must set its own state's
 * numbers (docs/filing-retention-defaults.md gives the sources and what each leaves out). Each
 * is the longer of the federal rules that commonly apply, so a default errs towards keeping.
 * Records with no rule here (I-9 forms, employee medical records) are never made due by
 * ClinicDesk; the document explains why.
 */
export const DEFAULT_RETENTION_RULES = {
  clinical: {
    label: 'Patient records',
    rules: [
      { basis: 'last-visit', years: 10 },
      { basis: 'age-of-majority', years: 10, majorityAge: 18 },
    ],
    source:
      'State law sets it (HIPAA does not): commonly 7–10 years after the last visit for adults, and for minors until majority plus a number of years. 10 years covers Medicare Advantage (42 CFR 422.504(d)). Set your state’s numbers.',
  },
  'administrative-insurance': {
    label: 'Insurance and billing',
    rules: [{ basis: 'document-date', years: 10 }],
    source:
      'Medicare Advantage contracts require 10 years (42 CFR 422.504(d)); payer contracts and state law may differ.',
  },
  'administrative-hipaa': {
    label: 'HIPAA documentation (policies, notices, authorizations, acknowledgments)',
    rules: [{ basis: 'document-date', years: 6 }],
    source:
      '45 CFR 164.316(b)(2)(i) and 164.530(j)(2): 6 years from creation or from when last in effect, whichever is later. Date a policy by the day it was last in effect.',
  },
  contracts: {
    label: 'Contracts and business associate agreements',
    rules: [{ basis: 'document-date', years: 10 }],
    source:
      'A business associate agreement is HIPAA documentation: 6 years after it was last in effect (45 CFR 164.530(j)(2)). 10 years from the document date leaves room for a contract in force a few years; date it by the day it ended once it has.',
  },
  personnel: {
    label: 'Personnel and payroll',
    rules: [{ basis: 'document-date', years: 4 }],
    source:
      'IRS: employment tax records at least 4 years after the tax was due or paid (26 CFR 31.6001-1(e)(2)). Not for I-9 forms (3 years after hire or 1 after leaving, whichever is later: 8 CFR 274a.2(b)(2)) nor employee medical records (employment plus 30 years: 29 CFR 1910.1020(d)(1)(i)).',
  },
  'personnel-training': {
    label: 'Bloodborne pathogens training records',
    rules: [{ basis: 'document-date', years: 3 }],
    source: 'OSHA 29 CFR 1910.1030(h)(2)(ii): 3 years from the date of the training.',
  },
  'personnel-exposure': {
    label: 'Employee exposure records',
    rules: [{ basis: 'document-date', years: 30 }],
    source: 'OSHA 29 CFR 1910.1020(d)(1)(ii): at least 30 years.',
  },
} as const satisfies Record<string, DefaultRetention>;

export type DefaultRetentionSlug = keyof typeof DEFAULT_RETENTION_RULES;
