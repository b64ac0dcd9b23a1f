/**
 * JavaScript's regular expressions backtrack, and nothing can stop one mid-search: a pattern
 * such as `(\w+)+$` takes exponential time on a line of letters that does not end as it
 * expects, and `.*.*.*=` time growing as the fourth power of the line; either would freeze the
 * tablet filing a scan. Paperless-ngx stops such a search with a timeout; `shared/` has no
 * clock and a browser cannot interrupt a running expression, so the shapes that cause it are
 * refused when the rule is written:
 *
 * - a repeated group that itself holds an open-ended repeat (`(a+)+`, `(\d*,?)*`, `(x+){2}`):
 *   the classic exponential case;
 * - back-references (`\1`, `\k<name>`), which no bound on the text tames;
 * - more than MAX_OPEN_REPEATS open-ended repeats (`*`, `+`, `{n,}`) of anything but white
 *   space: each one more multiplies the work by the length of the line.
 *
 * Repeats of white space (`\s*`, ` +`) are not counted because `regexRanges` gives the
 * expression each line with its runs of spaces made one, and in pieces of at most
 * REGEX_PIECE_LENGTH characters of the document's opening (MAX_REGEX_TEXT): what remains is
 * at worst a cube of that length per piece. This is a
 * conservative screen, not a proof — it refuses some harmless patterns (each can be rewritten
 * without the nesting) — and a screen that runs rules over many scans should still do so in a
 * worker it can stop.
 */
export const MAX_OPEN_REPEATS = 2;

interface Group {
  /** The group holds an open-ended repeat, directly or in a group inside it. */
  openRepeat: boolean;
}

/** What the last atom read was, for the quantifier that may follow it. */
type Atom = { kind: 'space' } | { kind: 'other' } | { kind: 'group'; group: Group } | null;

const SPACE_CLASS = /^\[(?:\\s|\\t| )+\]$/;

/** Why a (compiling) pattern could run away, in words for the office manager; null if it is safe. */
export function regexRisk(pattern: string): string | null {
  const stack: Group[] = [{ openRepeat: false }];
  let atom: Atom = null;
  let openRepeats = 0;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (atom?.kind === 'group' && atom.group.openRepeat && quantifier.repeats)
        return 'A repeated group holds a repeat of its own (as in (a+)+): this can take minutes on some text. Write it without the nesting.';
      if (quantifier.open) {
        stack[stack.length - 1]!.openRepeat = true;
        if (atom?.kind !== 'space') openRepeats++;
      }
      if (openRepeats > MAX_OPEN_REPEATS)
        return `At most ${MAX_OPEN_REPEATS} open-ended repeats (*, +, {n,}) of anything but spaces in one expression: each one more can make it run for minutes.`;
      atom = null;
      i = quantifier.end;
      continue;
    }
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k')
        return 'Back-references (\\1, \\k<name>) are not allowed in matching rules.';
      atom = { kind: next === 's' ? 'space' : 'other' };
      const braced = /[pPu]/.test(next) && pattern[i + 2] === '{';
      i = braced ? pattern.indexOf('}', i) + 1 || pattern.length : i + 2;
    } else if (char === '[') {
      const end = endOfClass(pattern, i);
      atom = { kind: SPACE_CLASS.test(pattern.slice(i, end)) ? 'space' : 'other' };
      i = end;
    } else if (char === '(') {
      stack.push({ openRepeat: false });
      atom = null;
      i += pattern[i + 1] === '?' ? groupPrefixLength(pattern, i) : 1;
    } else if (char === ')') {
      const group = stack.length > 1 ? stack.pop()! : { openRepeat: false };
      if (group.openRepeat) stack[stack.length - 1]!.openRepeat = true;
      atom = { kind: 'group', group };
      i++;
    } else {
      atom = { kind: char === ' ' ? 'space' : 'other' };
      i++;
    }
  }
  return null;
}

/** A quantifier at `i`: whether it is open-ended, whether it repeats at all, where it ends. */
function readQuantifier(
  pattern: string,
  i: number,
): { open: boolean; repeats: boolean; end: number } | null {
  const char = pattern[i];
  let end = i + 1;
  let open: boolean;
  let repeats: boolean;
  if (char === '*' || char === '+') [open, repeats] = [true, true];
  else if (char === '?') [open, repeats] = [false, false];
  else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (!braces) return null;
    end = i + braces[0].length;
    open = braces[2] !== undefined && braces[3] === '';
    repeats = open || Number(braces[3] ?? braces[1]) > 1;
  } else return null;
  if (pattern[end] === '?') end++; // lazy: the same search space
  return { open, repeats, end };
}

/** Past the `]` that closes the character class opened at `i`. */
function endOfClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Length of `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>` at `i`. */
function groupPrefixLength(pattern: string, i: number): number {
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(pattern.slice(i));
  if (named) return named[0].length;
  return pattern.startsWith('(?<', i) ? 4 : 3;
}
