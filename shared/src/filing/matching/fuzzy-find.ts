/**
 * Where a phrase occurs in a text with at most `maxEdits` typos (letters wrong, missing or
 * extra): approximate substring search (Sellers), with Ukkonen's cut-off so that only the
 * rows that can still end within `maxEdits` are computed — about (maxEdits + 1) steps per
 * character of text rather than one per character of phrase. Both strings are already folded.
 * Returns non-overlapping occurrences in text order, the best of each cluster, at most `limit`.
 */
export function fuzzyFind(
  phrase: string,
  text: string,
  maxEdits: number,
  limit = 20,
): { start: number; end: number; edits: number }[] {
  const m = phrase.length;
  if (m === 0) return [];
  const k = Math.min(maxEdits, m - 1); // m edits would match anything
  const column = Array.from({ length: m + 1 }, (_, i) => i);
  let lastActive = Math.min(k, m); // deepest row still within k
  const ends: { end: number; edits: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    const char = text[j - 1];
    const rows = Math.min(lastActive + 1, m);
    let diagonal = column[0]!;
    column[0] = 0; // an occurrence may start anywhere
    for (let i = 1; i <= rows; i++) {
      const up = column[i]!;
      const cost = phrase[i - 1] === char ? 0 : 1;
      column[i] = Math.min(up + 1, column[i - 1]! + 1, diagonal + cost);
      diagonal = up;
    }
    // The row below was not computed: it is past k, and is read next time only as such.
    if (rows < m) column[rows + 1] = k + 1;
    lastActive = rows;
    while (lastActive > 0 && column[lastActive]! > k) lastActive--;
    if (lastActive === m) ends.push({ end: j, edits: column[m]! });
  }
  return bestOfClusters(ends).reduce<{ start: number; end: number; edits: number }[]>(
    (found, { end, edits }) => {
      const previous = found[found.length - 1];
      const start = startOf(phrase, text, end, k);
      if (found.length < limit && (!previous || start >= previous.end))
        found.push({ start, end, edits });
      return found;
    },
    [],
  );
}

/** Of each run of neighbouring end positions (one occurrence seen a few ways), the closest. */
function bestOfClusters(ends: { end: number; edits: number }[]) {
  const best: { end: number; edits: number }[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const candidate of ends) {
    const last = best[best.length - 1];
    if (last && candidate.end - previousEnd === 1) {
      if (candidate.edits < last.edits) best[best.length - 1] = candidate;
    } else best.push(candidate);
    previousEnd = candidate.end;
  }
  return best;
}

/** Where the closest occurrence ending at `end` starts: the phrase aligned backwards from it. */
function startOf(phrase: string, text: string, end: number, k: number): number {
  const m = phrase.length;
  let previous = Array.from({ length: m + 1 }, (_, i) => i);
  let best = { length: 0, edits: m };
  for (let length = 1; length <= Math.min(end, m + k); length++) {
    const char = text[end - length];
    const current = [length];
    for (let i = 1; i <= m; i++) {
      const cost = phrase[m - i] === char ? 0 : 1;
      current.push(Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + cost));
    }
    if (current[m]! < best.edits) best = { length, edits: current[m]! };
    previous = current;
  }
  return end - best.length;
}
