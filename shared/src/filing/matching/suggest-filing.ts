import { documentText, type DocumentText } from './document-text.ts';
import { patientsInText, type PatientCandidate, type PatientReason } from './patient-in-text.ts';
import { matches, type TextRange } from './matches.ts';
import type { MatchingAlgorithm, MatchingRule } from './matching-rule.ts';

/** A category, document type, tag or correspondent, with the rule that suggests it. */
export interface MatchCandidate {
  id: string;
  name: string;
  matching?: MatchingRule | undefined;
  /** No longer offered for new documents, so never suggested. */
  archived?: boolean | undefined;
}

/** A candidate the text matched, and why: the rule, the words it found, where. */
export interface RuleSuggestion<C extends MatchCandidate> {
  candidate: C;
  algorithm: MatchingAlgorithm;
  pattern: string;
  found: string[];
  ranges: TextRange[];
}

/** The best match for a field that takes one value, and the others that matched too. */
export type OneSuggestion<C extends MatchCandidate> = RuleSuggestion<C> & { alsoMatched: C[] };

export interface FilingCandidates<C extends MatchCandidate, P extends PatientCandidate> {
  categories: readonly C[];
  documentTypes: readonly C[];
  tags: readonly C[];
  correspondents: readonly C[];
  patients: readonly P[];
}

/** What the filing inbox offers for a document; the person sees it and confirms (issue 12.4). */
export interface FilingSuggestion<C extends MatchCandidate, P extends PatientCandidate> {
  patient: { patient: P; reason: PatientReason; alsoMatched: P[] } | null;
  category: OneSuggestion<C> | null;
  documentType: OneSuggestion<C> | null;
  /** Every tag whose rule matched, by name. */
  tags: RuleSuggestion<C>[];
  correspondent: OneSuggestion<C> | null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const evidence = (ranges: TextRange[]) => ranges.reduce((sum, r) => sum + r.end - r.start, 0);

function matched<C extends MatchCandidate>(
  text: DocumentText,
  candidates: readonly C[],
): RuleSuggestion<C>[] {
  const suggestions: RuleSuggestion<C>[] = [];
  for (const candidate of candidates) {
    if (candidate.archived || !candidate.matching) continue;
    const outcome = matches(candidate.matching, text);
    if (outcome.matched)
      suggestions.push({
        candidate,
        algorithm: candidate.matching.algorithm,
        pattern: candidate.matching.pattern,
        found: outcome.found,
        ranges: outcome.ranges,
      });
  }
  return suggestions;
}

/**
 * Of several matches for one field, the one with the most matched text (a long phrase says
 * more than a common word), then the one matched earliest in the text, then by name and id.
 */
function best<C extends MatchCandidate>(suggestions: RuleSuggestion<C>[]): OneSuggestion<C> | null {
  const ranked = [...suggestions].sort(
    (a, b) =>
      evidence(b.ranges) - evidence(a.ranges) ||
      (a.ranges[0]?.start ?? 0) - (b.ranges[0]?.start ?? 0) ||
      byText(a.candidate.name, b.candidate.name) ||
      byText(a.candidate.id, b.candidate.id),
  );
  const [first, ...rest] = ranked;
  return first ? { ...first, alsoMatched: rest.map((s) => s.candidate) } : null;
}

/**
 * Suggestions for filing a document from its text: the patient it names (`patientsInText`),
 * and the category, document type, correspondent and tags whose matching rules match
 * (`matches`). Each comes with its reason, for the screen to show; the same text and
 * candidates give the same suggestion on every device.
 */
export function suggestFiling<C extends MatchCandidate, P extends PatientCandidate>(
  text: string,
  candidates: FilingCandidates<C, P>,
): FilingSuggestion<C, P> {
  const document = documentText(text);
  const [firstPatient, ...otherPatients] = patientsInText(document, candidates.patients);
  return {
    patient: firstPatient
      ? { ...firstPatient, alsoMatched: otherPatients.map((other) => other.patient) }
      : null,
    category: best(matched(document, candidates.categories)),
    documentType: best(matched(document, candidates.documentTypes)),
    tags: matched(document, candidates.tags).sort(
      (a, b) =>
        byText(a.candidate.name, b.candidate.name) || byText(a.candidate.id, b.candidate.id),
    ),
    correspondent: best(matched(document, candidates.correspondents)),
  };
}
