import { parseDateOfBirth } from './date-of-birth.ts';
import { foldName } from './fold-name.ts';
import { prefixEditDistance, typosAllowed } from './name-similarity.ts';

export { foldName };

/**
 * What search looks at in a patient record. A full `Patient` fits; the device's search index
 * keeps only these fields so that 100,000 patients stay light in memory.
 */
export type SearchablePatient = {
  id: string;
  givenName: string;
  middleName?: string | undefined;
  familyName: string;
  preferredName?: string | undefined;
  /** Names the patient was known by before (a maiden name, say): found like the current one. */
  previousNames?:
    Record<string, { givenName?: string | undefined; familyName: string }> | undefined;
  dateOfBirth: string;
  phone?: string | undefined;
  otherPhones?: Record<string, string | undefined> | undefined;
  chartNumber?: string | undefined;
  /** Set on a chart merged into another: it is never a search result. */
  mergedInto?: string | undefined;
};

export type PatientQuery = (patient: SearchablePatient) => boolean;

/** What the receptionist typed, read as one kind of search. */
export type ParsedQuery =
  | { kind: 'all' }
  | { kind: 'date-of-birth'; dateOfBirth: string }
  /** Chart number prefix (letters and digits only); with `phoneDigits` also any phone holding them. */
  | { kind: 'number'; chart: string; phoneDigits: string | null }
  | { kind: 'names'; words: string[] };

/**
 * Reads the search box: a date of birth; digits (four or more also search phones, any also a
 * chart-number prefix: `100042`, `100042-7`); anything else with a digit in it is a chart number;
 * otherwise folded name words.
 */
export function parsePatientQuery(text: string): ParsedQuery {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'all' };
  const dateOfBirth = parseDateOfBirth(trimmed);
  if (dateOfBirth) return { kind: 'date-of-birth', dateOfBirth };
  const digits = trimmed.replace(/[\s().\-+]/g, '');
  if (/^\d+$/.test(digits))
    return { kind: 'number', chart: digits, phoneDigits: digits.length >= 4 ? digits : null };
  if (/\d/.test(trimmed)) return { kind: 'number', chart: chartKey(trimmed), phoneDigits: null };
  return { kind: 'names', words: foldName(trimmed).split(' ').filter(Boolean) };
}

/** A chart number as compared by search: letters and digits only, lower case. */
export function chartKey(chartNumber: string): string {
  return chartNumber.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Builds a matcher for what a receptionist types in the search box: names in any order, each
 * word a prefix ("smi jo" finds Jo Smith) or, from four letters on, a typo or two away from one
 * ("jonh smtih" finds John Smith), or a date of birth, or four or more phone digits, or the start
 * of a chart number. Merged-away charts never match. This is the reference meaning of a search;
 * `PatientSearchIndex` gives the same answers fast.
 */
export function patientQuery(text: string): PatientQuery {
  const query = parsePatientQuery(text);
  const matches = queryMatcher(query);
  return (patient) => !patient.mergedInto && matches(patient);
}

function queryMatcher(query: ParsedQuery): PatientQuery {
  switch (query.kind) {
    case 'all':
      return () => true;
    case 'date-of-birth':
      return (patient) => patient.dateOfBirth === query.dateOfBirth;
    case 'number':
      return (patient) =>
        (!!patient.chartNumber && chartKey(patient.chartNumber).startsWith(query.chart)) ||
        (query.phoneDigits !== null && phoneDigits(patient).includes(query.phoneDigits));
    case 'names':
      return (patient) => {
        const names = nameTokens(patient);
        return query.words.every((word) => names.some((name) => nameMatches(name, word)));
      };
  }
}

/** The folded words of a patient's names (preferred and previous ones too), as search sees them. */
export function nameTokens(patient: SearchablePatient): string[] {
  const previous = Object.values(patient.previousNames ?? {}).map(
    (name) => `${name.givenName ?? ''} ${name.familyName}`,
  );
  const all = [patient.givenName, patient.middleName, patient.preferredName, patient.familyName];
  return foldName([...all, ...previous].join(' ')).split(' ');
}

/** Every phone number of a patient, one string ("|" between), for a digits search. */
export function phoneDigits(patient: SearchablePatient): string {
  return [patient.phone, ...Object.values(patient.otherPhones ?? {})].filter(Boolean).join('|');
}

/** Display order of a patient list: family name, then given name, then id for a stable order. */
export function comparePatients(a: SearchablePatient, b: SearchablePatient): number {
  return (
    foldName(a.familyName).localeCompare(foldName(b.familyName)) ||
    foldName(a.givenName).localeCompare(foldName(b.givenName)) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * A typed word matches a name it starts, or from four letters the start of a name a typo away
 * (two from eight): a wrong, missing, extra or swapped letter.
 */
export function nameMatches(name: string, word: string): boolean {
  if (name.startsWith(word)) return true;
  const allowed = typosAllowed(word.length);
  return allowed > 0 && prefixEditDistance(word, name, allowed) <= allowed;
}
