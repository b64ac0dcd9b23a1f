import type { Result } from '../result.ts';

/** Names of the patients a record refers to, as the device knows them (undefined: not on it). */
export type PatientNames = (patientId: string) => string | undefined;

/**
 * How one kind of record speaks of its conflicts in the inbox, in the office's words: what the
 * record is, what each field is called, how a value reads, and whether a person may settle a
 * field by typing the right value (read by the same rules as the form that edits it).
 */
export type ConflictDescriber<T> = {
  /** The kind of record, as a heading says it ("Patient", "Check-in"). */
  kind: string;
  title(doc: T, names: PatientNames): string;
  /** Where the record is seen in the app, if anywhere. */
  href(doc: T): string | undefined;
  fieldLabel(path: string): string;
  /** A stored value as staff read it; an absent value reads "(empty)". */
  formatValue(path: string, value: unknown): string;
  /** Null when the field is settled only by choosing one of the two values. */
  parseTyped(path: string, text: string): Result<unknown, string> | null;
};

/** The patient ids a record names, so the inbox can look their names up. */
export type PatientRefs<T> = (doc: T) => string[];

export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
