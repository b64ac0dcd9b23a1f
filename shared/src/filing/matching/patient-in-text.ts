import { datesInText } from './dates-in-text.ts';
import { documentText, type DocumentText } from './document-text.ts';
import { foldText, type FoldedText } from './folded-text.ts';
import type { TextRange } from './matches.ts';

/** A patient as a document's text may name them (a patient record fits). */
export interface PatientCandidate {
  id: string;
  chartNumber?: string | undefined;
  givenName?: string | undefined;
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string | undefined;
}

/** Why a text names a patient, with where. */
export type PatientReason =
  | { by: 'chart-number'; chartNumber: string; ranges: TextRange[] }
  | { by: 'name-and-date-of-birth'; nameRanges: TextRange[]; dateOfBirthRanges: TextRange[] };

/** Chart numbers as ClinicDesk gives them (`100042-6`, provisional `P-7K3Q-1`), as whole words. */
const CHART_IN_TEXT =
  /(?<![\p{L}\p{N}-])(\d{6,10}-\d|[Pp]-[0-9A-Za-z]{4}-\d{1,6})(?![\p{L}\p{N}-])/gu;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const firstStart = (reason: PatientReason) =>
  (reason.by === 'chart-number' ? reason.ranges : reason.nameRanges)[0]?.start ?? 0;

/**
 * The patients a document's text names (issue 12.4): by chart number, or by full name (given
 * then family, with a middle name or initial between, or "Family, Given") together with their
 * date of birth written anywhere in the text (`datesInText`). A name alone is not enough — two
 * patients share names — nor a date alone. Names are compared folded (case, accents and
 * punctuation aside: "NUNEZ, ANA" names Ana Núñez). Chart-number matches come first, then by
 * where in the text the patient is first named, then by id, so every device suggests alike.
 */
export function patientsInText<P extends PatientCandidate>(
  text: string | DocumentText,
  patients: readonly P[],
): { patient: P; reason: PatientReason }[] {
  const document = typeof text === 'string' ? documentText(text) : text;
  const scanned = document.text;
  const charts = new Map<string, TextRange[]>();
  for (const match of scanned.matchAll(CHART_IN_TEXT)) {
    const key = match[1]!.toUpperCase();
    charts.set(key, [
      ...(charts.get(key) ?? []),
      { start: match.index, end: match.index + match[0].length },
    ]);
  }
  const dates = new Map<string, TextRange[]>();
  for (const { date, start, end } of datesInText(scanned))
    dates.set(date, [...(dates.get(date) ?? []), { start, end }]);
  // Folding the text is the costly part: only when some patient's birth date is in it.
  let words: Set<string> | null = null;

  const found: { patient: P; reason: PatientReason }[] = [];
  for (const patient of patients) {
    const chartRanges = patient.chartNumber
      ? charts.get(patient.chartNumber.toUpperCase())
      : undefined;
    if (chartRanges) {
      found.push({
        patient,
        reason: { by: 'chart-number', chartNumber: patient.chartNumber!, ranges: chartRanges },
      });
      continue;
    }
    const dateOfBirthRanges = patient.dateOfBirth ? dates.get(patient.dateOfBirth) : undefined;
    if (!dateOfBirthRanges || !patient.givenName) continue;
    const folded = document.folded(false);
    words ??= new Set(folded.text.split(' '));
    const given = foldText(patient.givenName).text;
    const family = foldText(patient.familyName).text;
    if (
      !given ||
      !family ||
      ![...given.split(' '), ...family.split(' ')].every((word) => words!.has(word))
    )
      continue;
    const nameRanges = nameRangesIn(folded, given, family);
    if (nameRanges.length > 0)
      found.push({
        patient,
        reason: { by: 'name-and-date-of-birth', nameRanges, dateOfBirthRanges },
      });
  }
  return found.sort(
    (a, b) =>
      (a.reason.by === b.reason.by ? 0 : a.reason.by === 'chart-number' ? -1 : 1) ||
      firstStart(a.reason) - firstStart(b.reason) ||
      byText(a.patient.id, b.patient.id),
  );
}

/** Where "given [middle] family" or "family given" stands in folded text, as original ranges. */
function nameRangesIn(folded: FoldedText, given: string, family: string): TextRange[] {
  // Folded text holds only letters, digits and single spaces: a word's edge is a space or an end.
  const name = new RegExp(
    `(?<![^ ])(?:${given}(?: [^ ]+)? ${family}|${family} ${given})(?![^ ])`,
    'gu',
  );
  return [...folded.text.matchAll(name)].map((match) => ({
    start: folded.from[match.index]!,
    end: folded.to[match.index + match[0].length - 1]!,
  }));
}
