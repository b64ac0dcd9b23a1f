import type { PatientReason } from '@clinicdesk/shared/filing/matching/patient-in-text.ts';
import type {
  RuleSuggestion,
  MatchCandidate,
} from '@clinicdesk/shared/filing/matching/suggest-filing.ts';

const quoted = (found: readonly string[]) =>
  found
    .slice(0, 3)
    .map((text) => `‘${text.length > 60 ? `${text.slice(0, 57)}…` : text}’`)
    .join(', ');

/** Why a rule suggested something, as staff read it: "matched ‘Quest Diagnostics’". */
export function ruleReason(suggestion: RuleSuggestion<MatchCandidate>): string {
  if (suggestion.found.length === 0) return 'its rule matched the text';
  const asWritten = suggestion.found.some(
    (text) => text.toLowerCase() === suggestion.pattern.toLowerCase(),
  );
  const typo = suggestion.algorithm === 'fuzzy' && !asWritten ? ' (allowing typos)' : '';
  return `matched ${quoted(suggestion.found)}${typo}`;
}

/** Why the text names a patient. */
export function patientReason(reason: PatientReason): string {
  return reason.by === 'chart-number'
    ? `chart number ${reason.chartNumber} is in the text`
    : 'their name and date of birth are in the text';
}
