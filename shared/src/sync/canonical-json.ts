/**
 * Canonical JSON: object keys sorted, no whitespace, RxDB's local bookkeeping (`_meta`, `_rev`,
 * `_attachments`) left out. Two document states are "the same" exactly when their canonical
 * forms are equal. The server hashes this form to compare a push's `assumedMasterState` with
 * what it stores, so client and server must agree on it byte for byte.
 */
const LOCAL_ONLY_FIELDS = new Set(['_meta', '_rev', '_attachments']);

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value, true));
}

function normalise(value: unknown, topLevel: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item, false));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (topLevel && LOCAL_ONLY_FIELDS.has(key)) continue;
      const field = (value as Record<string, unknown>)[key];
      // `undefined` is not JSON: an absent field and an undefined one are the same state.
      if (field === undefined) continue;
      out[key] = normalise(field, false);
    }
    return out;
  }
  return value;
}

/** Same document state (ignoring local bookkeeping)? Synchronous, as RxDB's `isEqual` must be. */
export function sameDocumentState(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A copy of a document without RxDB's local bookkeeping fields, as it travels on the wire. */
export function toWireDocument<T extends Record<string, unknown>>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(doc)) {
    if (!LOCAL_ONLY_FIELDS.has(key) && field !== undefined) out[key] = field;
  }
  return out as T;
}
