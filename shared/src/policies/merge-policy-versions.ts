import { mergeEdits } from '../sync/merge-edits.ts';
import type { PolicyVersion } from './policy-version.schema.ts';
import { mergePolicyTexts, textHoldsAll } from './policy-text.ts';

/**
 * The merge of two edits of one policy version made apart (the `policyVersion` kind's merge).
 *
 * - The text is never a conflict: both sides' Yjs updates are unioned, so both authors' words
 *   stay, each once, whatever order devices sync in.
 * - The content hash belongs to the text it was computed over. Where the union is one side's
 *   text (the other had nothing new), that side's hash stands; where it is new text neither side
 *   hashed, the hash is dropped: a version in review then waits for a device to hash what it now
 *   holds, and no approval of either side's text can pass for the merged one.
 * - Authors both sides added are all kept; two devices that started the same revision made one
 *   version, created when the first did.
 * - Everything else (status, dates, summary, approvers) merges field by field with conflicts
 *   recorded (`mergeEdits`).
 */
export function mergePolicyVersions(
  base: PolicyVersion | undefined,
  kept: PolicyVersion,
  other: PolicyVersion,
): PolicyVersion {
  const a: PolicyVersion = { ...kept };
  const b: PolicyVersion = { ...other };
  if (a.text !== b.text) {
    const text = mergePolicyTexts(a.text, b.text);
    const hash = textHoldsAll(a.text, text)
      ? a.contentHash
      : textHoldsAll(b.text, text)
        ? b.contentHash
        : undefined;
    a.text = b.text = text;
    a.contentHash = b.contentHash = hash;
  }
  if (differ(a.authors, b.authors)) a.authors = b.authors = union(a.authors, b.authors);
  // Two devices started the same revision apart (its id is derived): one version, begun first.
  if (a.createdAt !== b.createdAt) a.createdAt = b.createdAt = a.createdAt < b.createdAt ? a.createdAt : b.createdAt; // prettier-ignore
  return mergeEdits(base, a, b);
}

function differ(x: readonly string[], y: readonly string[]): boolean {
  return x.length !== y.length || x.some((id, i) => id !== y[i]);
}

/** `x`'s order, then what only `y` has, in `y`'s order: the same whichever device merges. */
function union(x: readonly string[], y: readonly string[]): string[] {
  const [first, second] = x.join() <= y.join() ? [x, y] : [y, x];
  return [...first, ...second.filter((id) => !first.includes(id))];
}
