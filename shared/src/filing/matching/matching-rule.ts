import { fail, ok, type Result } from '../../result.ts';
import { regexRisk } from './regex-risk.ts';

/** How a rule reads a document's text, as Paperless-ngx's matching algorithms (issue 12.4). */
export const MATCHING_ALGORITHMS = ['none', 'any', 'all', 'exact', 'regex', 'fuzzy'] as const;
export type MatchingAlgorithm = (typeof MATCHING_ALGORITHMS)[number];

/**
 * A category's, type's, tag's or correspondent's matching rule. `any` and `all` read the
 * pattern as words, a "quoted phrase" counting as one word; `exact` reads it as one phrase;
 * `regex` as a JavaScript regular expression matched within each line; `fuzzy` as a phrase
 * that may be misspelt (a recognised scan's typos). Words and phrases match whole words only.
 */
export interface MatchingRule {
  algorithm: MatchingAlgorithm;
  pattern: string;
  caseSensitive: boolean;
}

/**
 * Limits that keep matching fast on a tablet whatever the office manager types or the scan
 * holds. The text is bounded because a rule suggests from a document's opening (letterhead,
 * subject, patient block), and 100,000 characters is some thirty dense pages. A regular
 * expression is bounded tighter, since JavaScript cannot stop one that backtracks without end:
 * see `regexRisk` for the shapes refused and `regexRanges` for matching line by line.
 */
export const MAX_TEXT_SCANNED = 100_000;
export const MAX_PATTERN_LENGTH = 500;
export const MAX_REGEX_LENGTH = 200;
/** A fuzzy pattern is a name or a short phrase; a long one would allow so many typos it matches noise. */
export const MAX_FUZZY_LENGTH = 100;

export type MatchingRuleError = {
  code:
    | 'matching-algorithm-unknown'
    | 'matching-pattern-empty'
    | 'matching-pattern-too-long'
    | 'regex-invalid'
    | 'regex-runaway'
    | 'regex-matches-empty';
  message: string;
};

/** The flags a rule's regular expression is compiled with (Unicode always; `i` when case-blind). */
export const regexFlags = (caseSensitive: boolean) => (caseSensitive ? 'gu' : 'giu');

const LIMITS: Partial<Record<MatchingAlgorithm, number>> = {
  regex: MAX_REGEX_LENGTH,
  fuzzy: MAX_FUZZY_LENGTH,
};

/**
 * A matching rule as the office manager writes it, checked where it is written so that a
 * broken rule is refused with a reason instead of silently never matching. `none` needs no
 * pattern; every other algorithm needs one within its length, and a regular expression must
 * compile, must not be of a shape that can run away (`regexRisk`), and must not match empty
 * text (it would match every document).
 */
export function validateMatchingRule(input: {
  algorithm: string;
  pattern: string;
  caseSensitive: boolean;
}): Result<MatchingRule, MatchingRuleError> {
  const algorithm = MATCHING_ALGORITHMS.find((known) => known === input.algorithm);
  if (!algorithm)
    return fail({ code: 'matching-algorithm-unknown', message: 'Choose how the rule matches' });
  const rule = { algorithm, pattern: input.pattern, caseSensitive: input.caseSensitive };
  if (algorithm === 'none') return ok(rule);
  if (input.pattern.trim() === '')
    return fail({ code: 'matching-pattern-empty', message: 'Enter the words to match' });
  const limit = LIMITS[algorithm] ?? MAX_PATTERN_LENGTH;
  if (input.pattern.length > limit)
    return fail({
      code: 'matching-pattern-too-long',
      message: `A ${algorithm === 'regex' ? 'regular expression' : 'pattern'} has at most ${limit} characters`,
    });
  if (algorithm !== 'regex') return ok(rule);
  let compiled: RegExp;
  try {
    compiled = new RegExp(input.pattern, regexFlags(input.caseSensitive));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail({ code: 'regex-invalid', message: `Not a valid regular expression: ${detail}` });
  }
  const risk = regexRisk(input.pattern);
  if (risk) return fail({ code: 'regex-runaway', message: risk });
  if (compiled.test(''))
    return fail({
      code: 'regex-matches-empty',
      message: 'This expression matches empty text, so it would match every document',
    });
  return ok(rule);
}
