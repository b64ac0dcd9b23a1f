/** A typed outcome at a boundary: data, or a kebab-case error code with details. */
export type Result<T, E = { code: string; message: string }> =
  { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
