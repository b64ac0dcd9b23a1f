import { addYears, isCalendarDate, laterDate } from '../../dates/calendar-days.ts';
import { DEFAULT_MAJORITY_AGE, type RetentionRule } from './retention-rule.ts';

/** What a retention date is computed from: the document's date and its patient's. */
export interface RetentionFacts {
  /** YYYY-MM-DD; a document with none cannot be given a retention date. */
  documentDate?: string | undefined;
  /** The patient's last visit (YYYY-MM-DD), for the last-visit basis. */
  lastVisit?: string | undefined;
  /** The patient's date of birth (YYYY-MM-DD), for the age-of-majority basis. */
  dateOfBirth?: string | undefined;
}

/** The fact that was missing or unreadable when no retention date could be given. */
export type MissingFact = 'document-date' | 'last-visit' | 'date-of-birth';

/**
 * The day a document may be destroyed (on or after `endsOn`), or why that cannot be said. A
 * missing fact is never guessed: "cannot compute" keeps the document, never destroys it early.
 */
export type RetentionEnd =
  | { computable: true; endsOn: string }
  | { computable: false; missing: MissingFact; message: string };

const MESSAGES: Record<MissingFact, string> = {
  'document-date': 'The document has no document date',
  'last-visit': 'The patient has no recorded visit',
  'date-of-birth': "The patient's date of birth is not recorded",
};

const missing = (fact: MissingFact): RetentionEnd => ({
  computable: false,
  missing: fact,
  message: MESSAGES[fact],
});

const readable = (date: string | undefined): date is string =>
  date !== undefined && isCalendarDate(date);

/** Whole years after a date; 29 February lands on 1 March, so the years are never short. */
const after = (date: string, years: number) => addYears(date, years, 'march-1');

/**
 * When a document's retention period ends under a rule (docs/filing-retention-defaults.md):
 *
 * - `document-date`: document date + N years.
 * - `last-visit`: (the later of the last visit and the document date) + N years — a document
 *   received after the last visit (outside records arriving late) is counted from its own date,
 *   so the answer is never earlier than either reading of the rule.
 * - `age-of-majority`: the later of document date + N years and (date of birth + majority
 *   age) + N years. The birthday of majority is placed first and N years added to it, as the
 *   statutes read ("N years after the patient reaches majority"); for an adult's document the
 *   first term is the later one, so the rule reads as the document-date rule.
 *
 * 29 February + N years is 1 March in a common year. Every answer is on or after the document
 * date, and a rule with more years never ends sooner.
 */
export function retentionEnds(rule: RetentionRule, facts: RetentionFacts): RetentionEnd {
  if (!readable(facts.documentDate)) return missing('document-date');
  const fromDocument = after(facts.documentDate, rule.years);
  switch (rule.basis) {
    case 'document-date':
      return { computable: true, endsOn: fromDocument };
    case 'last-visit': {
      if (!readable(facts.lastVisit)) return missing('last-visit');
      const from = laterDate(facts.lastVisit, facts.documentDate);
      return { computable: true, endsOn: after(from, rule.years) };
    }
    case 'age-of-majority': {
      if (!readable(facts.dateOfBirth)) return missing('date-of-birth');
      const majority = after(facts.dateOfBirth, rule.majorityAge ?? DEFAULT_MAJORITY_AGE);
      return { computable: true, endsOn: laterDate(fromDocument, after(majority, rule.years)) };
    }
  }
}
