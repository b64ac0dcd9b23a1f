import { foldText, type FoldedText } from './folded-text.ts';
import { MAX_TEXT_SCANNED } from './matching-rule.ts';

/**
 * A document's text made ready for many rules: cut to MAX_TEXT_SCANNED once, and folded (for
 * fuzzy rules and patient names) at most once per case setting, however many rules read it —
 * folding a long scan costs more than most rules.
 */
export interface DocumentText {
  readonly text: string;
  folded(caseSensitive: boolean): FoldedText;
}

export function documentText(text: string): DocumentText {
  const scanned = text.length > MAX_TEXT_SCANNED ? text.slice(0, MAX_TEXT_SCANNED) : text;
  const folds = new Map<boolean, FoldedText>();
  return {
    text: scanned,
    folded(caseSensitive) {
      let folded = folds.get(caseSensitive);
      if (!folded) {
        folded = foldText(scanned, caseSensitive);
        folds.set(caseSensitive, folded);
      }
      return folded;
    },
  };
}
