import { describe, expect, it } from 'vitest';
import type { MatchingAlgorithm } from './matching-rule.ts';
import { matches } from './matches.ts';

const rule = (algorithm: MatchingAlgorithm, pattern: string, caseSensitive = false) => ({
  algorithm,
  pattern,
  caseSensitive,
});
const highlighted = (text: string, outcome: ReturnType<typeof matches>) =>
  outcome.ranges.map(({ start, end }) => text.slice(start, end));

const letter = `QUEST DIAGNOSTICS
Patient: Rivera, Ana   DOB 03/14/1982
Lipid panel results: LDL 131 mg/dL
Labelled specimen received 2026-02-03`;

describe('matches', () => {
  it('any: one of the words, whole words only, each place shown', () => {
    const outcome = matches(rule('any', 'lab lipid'), letter);
    expect(outcome.matched).toBe(true);
    expect(outcome.found).toEqual(['lipid']);
    expect(highlighted(letter, outcome)).toEqual(['Lipid']); // not "Lab" inside "Labelled"
  });

  it('all: every word, or nothing', () => {
    expect(matches(rule('all', 'quest lipid'), letter).matched).toBe(true);
    expect(matches(rule('all', 'quest lipid thyroid'), letter)).toEqual({
      matched: false,
      ranges: [],
      found: [],
    });
  });

  it('reads a quoted phrase as one word, across a line break', () => {
    const outcome = matches(rule('any', '"diagnostics patient"'), letter);
    expect(highlighted(letter, outcome)).toEqual(['DIAGNOSTICS\nPatient']);
  });

  it('exact: the phrase as written, not its words apart', () => {
    expect(highlighted(letter, matches(rule('exact', 'lipid  panel'), letter))).toEqual([
      'Lipid panel',
    ]);
    expect(matches(rule('exact', 'panel lipid'), letter).matched).toBe(false);
  });

  it('case-sensitive rules match only the case written', () => {
    expect(matches(rule('any', 'quest', true), letter).matched).toBe(false);
    expect(matches(rule('any', 'QUEST', true), letter).matched).toBe(true);
  });

  it('treats letters of every script as letters at word edges', () => {
    const text = 'Referral from Dr. Núñez; see Núñezes file';
    expect(highlighted(text, matches(rule('any', 'Núñez'), text))).toEqual(['Núñez']);
    expect(highlighted(text, matches(rule('exact', 'Dr.'), text))).toEqual(['Dr.']);
  });

  it('finds a phrase as whole words even just after a place where it ran on into a word', () => {
    const text = 'xab ab ab';
    expect(matches(rule('exact', 'ab ab'), text).ranges).toEqual([{ start: 4, end: 9 }]);
  });

  it('regex: every match within a line, with what it matched', () => {
    const outcome = matches(rule('regex', String.raw`\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}`), letter);
    expect(outcome.found).toEqual(['03/14/1982', '2026-02-03']);
    expect(highlighted(letter, outcome)).toEqual(outcome.found);
  });

  it('regex: a rule that cannot run matches nothing instead of failing', () => {
    expect(matches(rule('regex', '(unclosed'), letter).matched).toBe(false);
    expect(matches(rule('regex', String.raw`(\w+)+$`), 'a'.repeat(5000) + '!').matched).toBe(false);
  });

  it('fuzzy: finds a name a scan misread, and shows it as it is in the text', () => {
    const scan = 'Results from Quest Diaqnostlcs, Inc. for the patient';
    const outcome = matches(rule('fuzzy', 'Quest Diagnostics'), scan);
    expect(highlighted(scan, outcome)).toEqual(['Quest Diaqnostlcs']);
    expect(matches(rule('fuzzy', 'Quest Diagnostics'), 'Results from Quiet Dialysis').matched).toBe(
      false,
    );
  });

  it('fuzzy: ignores punctuation, accents and case unless the rule is case-sensitive', () => {
    const scan = 'BLUE-CROSS / blue shield of Texas';
    expect(matches(rule('fuzzy', 'Blue Cross Blue Shield'), scan).matched).toBe(true);
    expect(matches(rule('fuzzy', 'Blue Cross Blue Shield', true), scan).matched).toBe(false);
    expect(matches(rule('fuzzy', 'Nunez'), 'Dr. Núñez').matched).toBe(true);
  });

  it('fuzzy: a short pattern must be spelt right', () => {
    expect(matches(rule('fuzzy', 'Aetna'), 'Actna Better Health').matched).toBe(false);
    expect(matches(rule('fuzzy', 'Aetna'), 'AETNA Better Health').matched).toBe(true);
  });

  it('none, and an empty pattern, never match', () => {
    expect(matches(rule('none', 'quest'), letter).matched).toBe(false);
    expect(matches(rule('any', '  '), letter).matched).toBe(false);
  });

  it('reads only the opening of a very long text', () => {
    const long = 'x '.repeat(60_000) + 'Quest';
    expect(matches(rule('any', 'quest'), long).matched).toBe(false);
  });
});
