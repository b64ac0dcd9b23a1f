/**
 * A span of stored family names, compared as IndexedDB compares strings (UTF-16 code units,
 * which is also how `<` compares them in JavaScript): `from` ≤ name < `below` (no end if null).
 */
export type FamilyNameRange = { from: string; below: string | null };

/**
 * The order in which a device reads its patients into the search index when the list opens, so
 * that the patient list fills from the top and its first rows are final at once.
 *
 * The list sorts by folded names (`foldName`: lower case, accents and punctuation gone), but the
 * database's index holds the names as typed. Folding keeps an ASCII capital's letter (as lower
 * case) in first place, so a name that starts with one sorts, folded, among the names of its
 * first letter. Every other name — a lower-case, accented or other-script first letter, a digit,
 * a space or punctuation — may fold to anywhere in the list: those are read first (they are
 * few in most clinics). Then the capitals, 'A' to 'Z', in index order.
 *
 * Hence the invariant the patient list relies on: once the first two ranges are read and every
 * name below some capital C, every patient whose folded family name sorts before C in lower case
 * is loaded — the list above that point is final and later pages only add rows below it.
 */
export const PATIENT_LOAD_RANGES: readonly FamilyNameRange[] = [
  { from: '', below: 'A' },
  { from: '[', below: null },
  { from: 'A', below: '[' },
];

/**
 * How far the list is final while it is being read: after every range before `rangeIndex` and,
 * in that range, every stored name up to `lastRead`, every patient whose folded family name
 * sorts before the result is loaded (null: no one yet, the capitals are not reached).
 */
export function listSettledBelow(rangeIndex: number, lastRead: string): string | null {
  if (rangeIndex < PATIENT_LOAD_RANGES.length - 1) return null;
  return lastRead.slice(0, 1).toLowerCase();
}

/** Whether a stored family name falls in a range. */
export function inFamilyNameRange(familyName: string, range: FamilyNameRange): boolean {
  return familyName >= range.from && (range.below === null || familyName < range.below);
}

/**
 * Where the stored family names that a typed name word starts are most likely found, to read
 * them before the rest of the list: the word as names are usually written ("smi" → "Smi…") and
 * in capitals ("SMI…"). Names written otherwise (lower case, accents) are read first anyway
 * (the first two `PATIENT_LOAD_RANGES`) or wait for their turn.
 */
export function likelyFamilyNameRanges(word: string): FamilyNameRange[] {
  if (!/^[a-z]/.test(word)) return [];
  const capitalised = word[0]!.toUpperCase() + word.slice(1);
  const capitals = word.toUpperCase();
  return [...new Set([capitalised, capitals])].map((from) => ({ from, below: `${from}\uffff` }));
}
