import type { Role } from '../auth/roles.ts';

/** A stored document as the rules see it: any kind, any partition. */
export type StoredDocument = Readonly<Record<string, unknown>>;

/**
 * How two offline edits of a record merge: `kept` is the server's state, `other` the device's,
 * `base` the state both started from (absent for a record both created). Must keep every change:
 * where both changed a field differently, one value stays and the other is recorded as a conflict.
 */
export type Merge<D> = (base: D | undefined, kept: D, other: D) => D;

/**
 * One kind of record in a partition: who may write it (reading is the partition's, ADR 15) and
 * how it merges. `writableState` is an optional row rule on top of `write`: a push is judged on
 * the stored state AND the new one, so it also stops a role moving a record into or out of a
 * state it may not touch.
 */
export type KindRule = {
  write: readonly Role[];
  writableState?: (role: Role, doc: StoredDocument) => boolean;
  /** Default: `mergeEdits`, field by field with conflicts recorded. */
  // The merge is typed by its kind where it is declared; the registry holds many kinds.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  merge?: Merge<any>;
};

/**
 * A step of a partition's stored documents from one schema version to the next: pure, run on
 * the device (RxDB's migration strategies) and on the server over what it stores, so that both
 * hold the same states afterwards and a device's unsynced change still matches the server's.
 */
export type DocumentMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * A sync partition (ADR 15): one replicated collection, chosen by who may read it, holding one
 * or more kinds of record. Zod-free: the device's database opens from it on the first screen.
 */
export type PartitionDeclaration<K extends string = string> = {
  /** Who may read every record of it: pull, the live stream, file reads and purge go by this. */
  read: readonly Role[];
  /** The schema version devices hold (RxDB); each step up has a migration. */
  version: number;
  /** `migrations[n]` takes a document of version n-1 to version n; one for each of 1..version. */
  migrations: Readonly<Record<number, DocumentMigration>>;
  /** RxDB indexes, over fields every kind of the partition has. */
  indexes: readonly (string | readonly string[])[];
  kinds: Readonly<Record<K, KindRule>>;
};

/** A migration that changes nothing: the version only added optional fields. */
export const unchanged: DocumentMigration = (doc) => doc;

/**
 * A migration that stamps documents written before partitions held kinds with their kind. A
 * document that already names one keeps it: a record moved in from another partition (a chart
 * merge folded into `patients`) was stamped with its own kind on the way.
 */
export function stampKind(kind: string): DocumentMigration {
  return (doc) => (doc.kind === undefined ? { ...doc, kind } : doc);
}
