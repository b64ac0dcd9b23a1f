/**
 * How search reads text: words are runs of letters, marks and digits; each is folded to lower
 * case without accents ("Zoë" and "ZOE" are both "zoe"), with letters that carry no separable
 * accent spelled as staff type them on an English keyboard ("Łukasik" → "lukasik", "Straße" →
 * "strasse"). The index and the query fold alike, so either spelling finds the other.
 *
 * No stemming: the words searched most are names, which a stemmer mangles ("James" → "jame"),
 * and prefix and one-typo matching already find "invoices" from "invoice" and back.
 */

/** Letters NFD does not take apart. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const NOT_PLAIN = /[^a-z0-9]/;

/** One word folded (the word is already a run of word characters). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words of a scan are ASCII: no Unicode work for them.
  if (!NOT_PLAIN.test(lower)) return lower;
  let folded = '';
  for (const char of lower.normalize('NFD').replace(MARKS, '')) folded += SPELLED[char] ?? char;
  return folded;
}

/** Whether the UTF-16 unit at `i` starts or continues a word. */
function isWordUnit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // A surrogate pair is judged as one character, from its first half.
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && isWordUnit(text, i - 1);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/**
 * Calls `each` for every word of the text with its folded form and where it stands in the
 * original (UTF-16 offsets, end exclusive), until it answers false. A loop over char codes rather than a regular
 * expression: indexing reads millions of words, and this is several times faster.
 */
export function eachWord(
  text: string,
  each: (folded: string, start: number, end: number) => boolean | void,
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && !isWordUnit(text, i)) i++;
    if (i >= length) return;
    const start = i;
    let ascii = true;
    while (i < length && isWordUnit(text, i)) {
      if (text.charCodeAt(i) >= 128) ascii = false;
      i++;
    }
    const word = text.slice(start, i);
    const folded = ascii ? word.toLowerCase() : foldWord(word);
    // A stray accent on its own folds to nothing.
    // `each` answers false once it has read enough.
    if (folded && each(folded, start, i) === false) return;
  }
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  eachWord(text, (folded) => {
    words.push(folded);
  });
  return words;
}
