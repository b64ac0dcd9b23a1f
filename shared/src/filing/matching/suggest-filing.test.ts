import { describe, expect, it } from 'vitest';
import type { MatchingAlgorithm } from './matching-rule.ts';
import { suggestFiling, type MatchCandidate } from './suggest-filing.ts';

const candidate = (
  id: string,
  name: string,
  algorithm: MatchingAlgorithm,
  pattern: string,
): MatchCandidate => ({
  id,
  name,
  matching: { algorithm, pattern, caseSensitive: false },
});
// Synthetic names and numbers only.
const candidates = {
  categories: [
    candidate('c-labs', 'Labs', 'any', 'lab laboratory'),
    candidate('c-ins', 'Insurance', 'exact', 'explanation of benefits'),
    { ...candidate('c-old', 'Old labs', 'any', 'lab'), archived: true },
  ],
  documentTypes: [candidate('t-result', 'Lab result', 'all', 'result specimen')],
  tags: [
    candidate('g-lipid', 'Lipids', 'any', 'LDL HDL'),
    candidate('g-abn', 'Abnormal', 'regex', String.raw`\bH(?:IGH)?\b`),
    candidate('g-never', 'Never', 'none', 'lab'),
  ],
  correspondents: [
    candidate('r-quest', 'Quest Diagnostics', 'fuzzy', 'Quest Diagnostics'),
    candidate('r-labcorp', 'Labcorp', 'any', 'labcorp'),
  ],
  patients: [
    {
      id: 'p-1',
      chartNumber: '100042-6',
      givenName: 'Ana',
      familyName: 'Rivera',
      dateOfBirth: '1982-03-14',
    },
  ],
};

const report = `Quest Diaqnostics — Laboratory report
Patient: Rivera, Ana   DOB: 03/14/1982
Specimen received; result: LDL 131 H
Explanation of benefits enclosed`;

describe('suggestFiling', () => {
  it('suggests patient, category, type, tags and correspondent, each with its reason', () => {
    const suggestion = suggestFiling(report, candidates);
    expect(suggestion.patient).toMatchObject({
      patient: { id: 'p-1' },
      reason: { by: 'name-and-date-of-birth' },
      alsoMatched: [],
    });
    expect(suggestion.documentType).toMatchObject({
      candidate: { id: 't-result' },
      algorithm: 'all',
      found: ['result', 'specimen'],
    });
    expect(suggestion.tags.map((tag) => [tag.candidate.name, tag.found])).toEqual([
      ['Abnormal', ['H']],
      ['Lipids', ['LDL']],
    ]);
    expect(suggestion.correspondent).toMatchObject({
      candidate: { id: 'r-quest' },
      found: ['Quest Diaqnostics'],
    });
  });

  it('picks, of two matching categories, the one with more matched text, and names the other', () => {
    const suggestion = suggestFiling(report, candidates);
    expect(suggestion.category?.candidate.id).toBe('c-ins'); // 23 characters against "Laboratory"
    expect(suggestion.category?.alsoMatched.map((c) => c.id)).toEqual(['c-labs']);
  });

  it('breaks an even tie by position, then name, then id, the same on every device', () => {
    const twins = [candidate('b', 'Same', 'any', 'lab'), candidate('a', 'Same', 'any', 'lab')];
    const forward = suggestFiling('lab', { ...candidates, categories: twins });
    const backward = suggestFiling('lab', { ...candidates, categories: [...twins].reverse() });
    expect(forward.category?.candidate.id).toBe('a');
    expect(backward.category?.candidate.id).toBe('a');
  });

  it('suggests nothing it has no rule for', () => {
    expect(suggestFiling('Hello', candidates)).toEqual({
      patient: null,
      category: null,
      documentType: null,
      tags: [],
      correspondent: null,
    });
  });
});
