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
  /**
   * Fields fixed once the record is created (a custom field's type): a push that changes one
   * is refused, whoever sends it.
   */
  fixed?: readonly string[];
  /**
   * A rule over the stored and the new state together (a published policy version never
   * changes): the reason a push may not make this change, or null. Whoever sends it.
   */
  transition?: (stored: StoredDocument | null, next: StoredDocument) => string | null;
  /** Default: `mergeEdits`, field by field with conflicts recorded. */
  // The merge is typed by its kind where it is declared; the registry holds many kinds.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  merge?: Merge<any>;
  /**
   * The merge, loaded when first needed, for one whose library the first screen must not carry
   * (a policy's text merges with Yjs). Only the device merges; it awaits this once.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  loadMerge?: () => Promise<Merge<any>>;
};

/**
 * A step of a partition's stored documents from one schema version to the next: pure, run on
 * the device (RxDB's migration strategies) and on the server over what it stores, so that both
 * hold the same states afterwards and a device's unsynced change still matches the server's.
 */
export type DocumentMigration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Who reads, as a record scope sees them: from the server's session, never from the device. */
export type Reader = { role: Role; userId: string };

/**
 * Where not every reader of a partition may read every record of it (ADR 15): a pure rule of
 * the reader, the record and the partition's `context` records (filing's categories, whose read
 * roles decide who reads a filed document). Records of the context kinds are themselves read by
 * every reader of the partition. The server applies it alike to pull (a record out of scope is
 * sent as a withdrawal: its id and kind, deleted, so that a device holding it drops it and its
 * checkpoint never skips), push (the stored and the new state must both be in scope), file reads
 * and the live stream (which only says "pull now").
 */
export type RecordScope = {
  context: readonly string[];
  inScope(reader: Reader, doc: StoredDocument, context: ScopeContext): boolean;
};

/** The partition's current records of its scope's context kinds, by id. */
export type ScopeContext = ReadonlyMap<string, StoredDocument>;

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
  /** Only where some readers may not read some records (see RecordScope). */
  recordScope?: RecordScope;
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
