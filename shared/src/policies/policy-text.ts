import * as Y from 'yjs';

/**
 * A policy's rich text as it is stored and synced: one Yjs update (the whole document state),
 * base64. The editor (Tiptap's Collaboration extension) edits the `Y.XmlFragment` named
 * `POLICY_TEXT_FIELD` of a `Y.Doc` holding it; sync only ever unions two such updates
 * (`mergePolicyTexts`), which needs no `Y.Doc`, so `shared/` stays free of Yjs's random client
 * ids. Whoever creates text (the editor, a starter manual's import) owns its `Y.Doc`.
 */

/** Tiptap's Collaboration extension reads and writes this fragment unless told otherwise. */
export const POLICY_TEXT_FIELD = 'default';

export const POLICY_TEXT_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

/** An empty document's state: a version no one has written in yet. */
export const EMPTY_POLICY_TEXT = 'AAA=';

/** The update's bytes; throws on text that is not base64. */
export function policyTextBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function policyTextOf(update: Uint8Array): string {
  let binary = '';
  // In slices: spreading megabytes into one call would overflow the argument stack.
  for (let i = 0; i < update.length; i += 0x8000)
    binary += String.fromCharCode(...update.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Both texts' edits in one update: every insertion, deletion and formatting either side made,
 * each once (Yjs identifies every edit by its author's client id and clock). The merge is
 * commutative, associative and idempotent in what the text reads; its bytes do not depend on
 * which side comes first, and a text that already holds the other's edits comes back as it was
 * (so merging again never changes a stored record).
 */
export function mergePolicyTexts(a: string, b: string): string {
  if (a === b) return a;
  const [x, y] = [policyTextBytes(a), policyTextBytes(b)];
  if (holdsAll(x, y)) return a;
  if (holdsAll(y, x)) return b;
  return policyTextOf(Y.mergeUpdates(a < b ? [x, y] : [y, x]));
}

/** Whether `a` already holds every edit of `b` (merging `b` in would change nothing). */
export function textHoldsAll(a: string, b: string): boolean {
  return a === b || holdsAll(policyTextBytes(a), policyTextBytes(b));
}

/**
 * Every edit of `b` is in `a`: each author's edits up to `b`'s clock for them (the state
 * vector), and every deletion `b` knows of.
 */
function holdsAll(a: Uint8Array, b: Uint8Array): boolean {
  const clocksA = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(a));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(b)))
    if ((clocksA.get(client) ?? 0) < clock) return false;
  const deletedA = Y.decodeUpdate(a).ds;
  const deletedB = Y.decodeUpdate(b).ds;
  return Y.equalDeleteSets(Y.mergeDeleteSets([deletedA]), Y.mergeDeleteSets([deletedA, deletedB]));
}

/** Whether the text is a Yjs update that can be merged (the schema's check on every push). */
export function isReadablePolicyText(text: string): boolean {
  if (!POLICY_TEXT_PATTERN.test(text)) return false;
  try {
    Y.mergeUpdates([policyTextBytes(text)]);
    return true;
  } catch {
    return false;
  }
}
