/**
 * Typed reads of a result row; a wrong type means the schema and the code disagree (a bug).
 * `pg` hands rows over as `any`, so every column is checked here rather than trusted.
 */
type Row = Record<string, unknown>;

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`Column ${column} is not text`);
  return value;
}

export function optionalText(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : text(row, column);
}

/** BIGINT arrives as a string (pg does not guess at precision); seqs must stay exact numbers. */
export function integer(row: Row, column: string): number {
  const value = row[column];
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw new TypeError(`Column ${column} is not a safe integer`);
  return number;
}

export function boolean(row: Row, column: string): boolean {
  const value = row[column];
  if (typeof value !== 'boolean') throw new TypeError(`Column ${column} is not a boolean`);
  return value;
}

export function timestamp(row: Row, column: string): Date {
  const value = row[column];
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new TypeError(`Column ${column} is not a timestamp`);
  return value;
}
