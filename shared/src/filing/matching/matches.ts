import { foldText } from './folded-text.ts';
import { fuzzyFind } from './fuzzy-find.ts';
import { documentText, type DocumentText } from './document-text.ts';
import { regexFlags, type MatchingRule } from './matching-rule.ts';
import { regexRanges } from './match-regex.ts';
import { findWholeWords, patternWords } from './word-terms.ts';

/** A stretch of the document's text, as UTF-16 offsets [start, end): what a screen highlights. */
export interface TextRange {
  start: number;
  end: number;
}

/** Whether a rule matched a text, where, and which of its words (or what text) it found. */
export interface MatchOutcome {
  matched: boolean;
  /** Sorted, overlaps merged, at most MAX_RANGES; empty when not matched. */
  ranges: TextRange[];
  /** The rule's words found (`any`, `all`, `exact`), or the text matched (`regex`, `fuzzy`). */
  found: string[];
}

export const MAX_RANGES = 50;
/**
 * Typos a fuzzy phrase allows: one per 8 characters of the folded phrase, none below 8.
 * Recognised scans misread about a letter a word ("rn" for "m", "1" for "l"), and one in eight
 * still tells "Quest Diagnostics" (two allowed) from other names, while a short name changed by
 * one letter is often another name. Paperless-ngx's cut-off (90 on a partial ratio) allows
 * about one substitution per 10 characters; this is a little looser, for phone-camera scans.
 */
export const FUZZY_CHARACTERS_PER_TYPO = 8;

const NO_MATCH: MatchOutcome = { matched: false, ranges: [], found: [] };

function outcome(ranges: TextRange[], found: string[]): MatchOutcome {
  if (ranges.length === 0) return NO_MATCH;
  const merged: TextRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return { matched: true, ranges: merged.slice(0, MAX_RANGES), found: [...new Set(found)] };
}

function matchWords(rule: MatchingRule, text: string, every: boolean): MatchOutcome {
  const words = rule.algorithm === 'exact' ? [rule.pattern] : patternWords(rule.pattern);
  const flags = regexFlags(rule.caseSensitive);
  const ranges: TextRange[] = [];
  const found: string[] = [];
  for (const word of words) {
    const at = findWholeWords(word, flags, text, MAX_RANGES);
    if (at.length === 0 && every) return NO_MATCH;
    if (at.length > 0) found.push(word.trim());
    ranges.push(...at);
  }
  return outcome(ranges, found);
}

function matchRegex(rule: MatchingRule, text: string): MatchOutcome {
  const ranges = regexRanges(rule, text, MAX_RANGES);
  return outcome(
    ranges,
    ranges.slice(0, 5).map((range) => text.slice(range.start, range.end)),
  );
}

function matchFuzzy(rule: MatchingRule, document: DocumentText): MatchOutcome {
  const { text } = document;
  const phrase = foldText(rule.pattern, rule.caseSensitive).text;
  const folded = document.folded(rule.caseSensitive);
  const typos = Math.floor(phrase.length / FUZZY_CHARACTERS_PER_TYPO);
  const ranges = fuzzyFind(phrase, folded.text, typos).map(({ start, end }) => ({
    start: folded.from[start]!,
    end: folded.to[end - 1]!,
  }));
  return outcome(
    ranges,
    ranges.slice(0, 5).map((range) => text.slice(range.start, range.end)),
  );
}

/**
 * Whether a matching rule matches a document's text, and where (issue 12.4, as Paperless-ngx
 * matches). Reads at most the first MAX_TEXT_SCANNED characters; pass a `documentText` when
 * many rules read one text. Never throws, whatever the text: a rule that cannot be run (an
 * invalid regular expression stored elsewhere) matches nothing, and `none` or an empty
 * pattern never matches.
 */
export function matches(rule: MatchingRule, text: string | DocumentText): MatchOutcome {
  if (rule.algorithm === 'none' || rule.pattern.trim() === '') return NO_MATCH;
  const document = typeof text === 'string' ? documentText(text) : text;
  const scanned = document.text;
  switch (rule.algorithm) {
    case 'any':
      return matchWords(rule, scanned, false);
    case 'all':
    case 'exact':
      return matchWords(rule, scanned, true);
    case 'regex':
      return matchRegex(rule, scanned);
    case 'fuzzy':
      return matchFuzzy(rule, document);
  }
}
