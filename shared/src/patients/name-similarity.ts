import { foldName } from './fold-name.ts';

/**
 * American Soundex of a name ("Smith" and "Smyth" → S530): catches names that sound alike but
 * are spelt differently, the commonest cause of duplicate charts at a front desk.
 */
export function soundex(name: string): string {
  const letters = foldName(name).replace(/[^a-z]/g, '');
  if (!letters) return '';
  const codes: Record<string, string> = {
    b: '1', f: '1', p: '1', v: '1',
    c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
    d: '3', t: '3', l: '4', m: '5', n: '5', r: '6',
  }; // prettier-ignore
  let out = letters[0]!.toUpperCase();
  let previous = codes[letters[0]!] ?? '';
  for (const letter of letters.slice(1)) {
    const code = codes[letter] ?? '';
    // h and w do not separate two letters with the same code; vowels do.
    if (code && code !== previous) out += code;
    if (letter !== 'h' && letter !== 'w') previous = code;
    if (out.length === 4) break;
  }
  return out.padEnd(4, '0');
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions): "Jonh"
 * is one typo from "John". Stops early past `max`, returning max + 1.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Typos between a typed word and the closest start of a name: "abot" is one typo from the start
 * of "Abbott" (a letter left out), "jonh" one from "John". One pass of the same alignment as
 * `editDistance`, reading the best prefix off its last row. Returns at most max + 1.
 */
export function prefixEditDistance(word: string, name: string, max: number): number {
  const columns = Math.min(name.length, word.length + max);
  let before: number[] = [];
  let previous: number[] = Array.from({ length: columns + 1 }, (_, j) => j);
  for (let i = 1; i <= word.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= columns; j++) {
      const cost = word[i - 1] === name[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && word[i - 1] === name[j - 2] && word[i - 2] === name[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(max + 1, ...previous);
}

/** Typos allowed for a word of this length: none for short words, where they change the name. */
export function typosAllowed(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Same name, sounds the same, or within a typo or two (names already folded). */
export function similarNames(a: string, b: string): 'same' | 'similar' | 'different' {
  if (!a || !b) return 'different';
  if (a === b) return 'same';
  // Soundex says little about short names (Ann and Amy share a code).
  if (Math.min(a.length, b.length) >= 4 && soundex(a) === soundex(b)) return 'similar';
  return editDistance(a, b, 2) <= typosAllowed(Math.min(a.length, b.length))
    ? 'similar'
    : 'different';
}
