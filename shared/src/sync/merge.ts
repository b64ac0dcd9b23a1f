import { sameDocumentState } from './canonical-json.ts';

/** One field that both sides changed, to different values. The server's value was kept. */
export type FieldConflict = {
  /** Dotted path of the field, e.g. `address.city`. */
  path: string;
  base: unknown;
  server: unknown;
  local: unknown;
};

export type MergeResult<T> = { merged: T; conflicts: FieldConflict[] };

export type MergeOptions = {
  /** Top-level fields resolved by the larger value and never reported (edit timestamps). */
  latestWins?: readonly string[];
};

/**
 * Deterministic three-way, field-level merge of two edits of one document made from a common
 * `base`. A field changed on one side only keeps that change; a field changed differently on both
 * sides keeps the server's value and is reported, so that no edit disappears unseen. Nested
 * objects merge field by field; arrays and scalars are single values. Without a base (both sides
 * created the document) every differing field is a conflict.
 */
export function mergeThreeWay<T extends Record<string, unknown>>(
  base: T | undefined,
  server: T,
  local: T,
  options: MergeOptions = {},
): MergeResult<T> {
  const conflicts: FieldConflict[] = [];
  const merged = mergeObjects(base ?? {}, server, local, '', conflicts, base === undefined);
  for (const field of options.latestWins ?? []) {
    const s = server[field];
    const l = local[field];
    if (typeof s === 'string' && typeof l === 'string') merged[field] = s >= l ? s : l;
  }
  const reported = conflicts.filter((c) => !(options.latestWins ?? []).includes(c.path));
  return { merged: merged as T, conflicts: reported };
}

function mergeObjects(
  base: Record<string, unknown>,
  server: Record<string, unknown>,
  local: Record<string, unknown>,
  prefix: string,
  conflicts: FieldConflict[],
  noBase: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(server), ...Object.keys(local), ...Object.keys(base)])];
  for (const key of keys.sort()) {
    const b = base[key];
    const s = server[key];
    const l = local[key];
    const path = prefix ? `${prefix}.${key}` : key;
    let value: unknown;
    if (sameDocumentState(s, l)) value = s;
    else if (!noBase && sameDocumentState(l, b)) value = s;
    else if (!noBase && sameDocumentState(s, b)) value = l;
    else if (
      isPlainObject(s) &&
      isPlainObject(l) &&
      (noBase || isPlainObject(b) || b === undefined)
    )
      value = mergeObjects(isPlainObject(b) ? b : {}, s, l, path, conflicts, noBase);
    else {
      value = s;
      conflicts.push({ path, base: b, server: s, local: l });
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
