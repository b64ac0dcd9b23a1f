/** What waits to go to the server, by kind, in the words the strip uses (one, many). */
const WORDS: Record<string, readonly [string, string]> = {
  patients: ['patient record', 'patient records'],
  visits: ['check-in', 'check-ins'],
  chartMerges: ['chart merge', 'chart merges'],
  filing: ['filing record', 'filing records'],
  disclosures: ['release record', 'release records'],
  policies: ['policy record', 'policy records'],
  acknowledgments: ['acknowledgment', 'acknowledgments'],
  uploads: ['file', 'files'],
};

/** "2 patient records, 1 file": each kind with something waiting, in a fixed order. */
export function pendingBreakdown(byKind: Readonly<Record<string, number>>): string {
  return Object.keys(WORDS)
    .concat(
      Object.keys(byKind)
        .filter((kind) => !(kind in WORDS))
        .sort(),
    )
    .filter((kind) => (byKind[kind] ?? 0) > 0)
    .map((kind) => {
      const count = byKind[kind] ?? 0;
      const [one, many] = WORDS[kind] ?? [kind, kind];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(', ');
}
