/**
 * Text folded for forgiving comparison — lower case (unless the rule is case-sensitive),
 * accents removed, every run of punctuation and white space one space — with, for each folded
 * character, where it came from in the original, so a match in the folded text can be shown
 * in the original ("where it matched"). Used by fuzzy rules and by patient names.
 */
export interface FoldedText {
  text: string;
  /** `from[i]` and `to[i]`: the original range of folded character (UTF-16 unit) i. */
  from: number[];
  to: number[];
}

const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/gu;

/** One character folded: its letters and digits without accents, or '' for a separator. */
function foldChar(char: string, caseSensitive: boolean): string {
  // ASCII needs none of the Unicode work, and is most of a scan's text.
  if (char.charCodeAt(0) < 128) {
    if (!ASCII_LETTER_OR_DIGIT.test(char)) return '';
    return caseSensitive ? char : char.toLowerCase();
  }
  const cased = caseSensitive ? char : char.toLowerCase();
  return [...cased.normalize('NFD').replace(MARK, '')]
    .filter((part) => LETTER_OR_DIGIT.test(part))
    .join('');
}

export function foldText(source: string, caseSensitive = false): FoldedText {
  const from: number[] = [];
  const to: number[] = [];
  let text = '';
  let offset = 0;
  let separatorAt = -1; // where a run of separators began, written as one space before a letter
  for (const char of source) {
    const end = offset + char.length;
    const plain = foldChar(char, caseSensitive);
    if (plain === '') {
      if (separatorAt < 0) separatorAt = offset;
    } else {
      if (separatorAt >= 0 && text.length > 0) {
        text += ' ';
        from.push(separatorAt);
        to.push(offset);
      }
      separatorAt = -1;
      text += plain;
      for (let unit = 0; unit < plain.length; unit++) {
        from.push(offset);
        to.push(end);
      }
    }
    offset = end;
  }
  return { text, from, to };
}
