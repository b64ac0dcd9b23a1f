import { sameDocumentState } from './canonical-json.ts';

/** One field that both sides changed, to different values. The kept side's value stays. */
export type FieldDifference = {
  /** Dotted path of the field, e.g. `address.city`. */
  path: string;
  base: unknown;
  kept: unknown;
  other: unknown;
};

export type MergeResult<T> = { merged: T; differences: FieldDifference[] };

/**
 * Deterministic three-way, field-level merge of two edits made from a common `base`. A field
 * changed on one side only keeps that change; a field changed differently on both sides keeps
 * `kept`'s value and is reported, so that the caller can record what would otherwise vanish.
 * Nested objects merge field by field; arrays and scalars are single values. Without a base
 * (both sides created the document) every differing field is reported. Top-level fields in
 * `skip` are left out of the result for the caller to decide.
 */
export function mergeThreeWay<T extends Record<string, unknown>>(
  base: T | undefined,
  kept: T,
  other: T,
  skip: readonly string[] = [],
): MergeResult<Record<string, unknown>> {
  const differences: FieldDifference[] = [];
  const merged = mergeObjects(base ?? {}, kept, other, '', differences, base === undefined, skip);
  return { merged, differences };
}

function mergeObjects(
  base: Record<string, unknown>,
  kept: Record<string, unknown>,
  other: Record<string, unknown>,
  prefix: string,
  differences: FieldDifference[],
  noBase: boolean,
  skip: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(kept), ...Object.keys(other), ...Object.keys(base)]);
  for (const key of [...keys].sort()) {
    if (!prefix && skip.includes(key)) continue;
    const b = base[key];
    const k = kept[key];
    const o = other[key];
    const path = prefix ? `${prefix}.${key}` : key;
    let value: unknown;
    if (sameDocumentState(k, o)) value = k;
    else if (!noBase && sameDocumentState(o, b)) value = k;
    else if (!noBase && sameDocumentState(k, b)) value = o;
    else if (
      isPlainObject(k) &&
      isPlainObject(o) &&
      (noBase || isPlainObject(b) || b === undefined)
    )
      value = mergeObjects(isPlainObject(b) ? b : {}, k, o, path, differences, noBase, []);
    else {
      value = k;
      differences.push({ path, base: b, kept: k, other: o });
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
