import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import {
  type KindDocuments,
  type KindName,
  partitionOf,
  type PartitionDocument,
} from '@clinicdesk/shared/registry/partitions.ts';
import { type CollectionName, isCollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import type { MangoQuery, RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { ClinicCollections, ClinicDatabase } from './database.ts';
import { live } from './live.svelte.ts';

/**
 * The generic document layer: how screens and their runes readers read and change the device's
 * records, by kind of record (`'patient'`, `'chartMerge'`, `'visit'`: only records of that kind,
 * typed as that kind) or by partition (`'patients'`: every kind it holds, as the conflict inbox
 * reads them). Pages never reach RxDB themselves (lint refuses `.collections`, `.db` and rxdb
 * imports under routes/): they ask a domain reader (`*.svelte.ts`), which asks this layer.
 */

/** What to read: one kind of record, or a whole partition. */
export type Target = KindName | CollectionName;

/** The record a target holds: the kind's document, or any kind of the partition. */
export type DocumentOf<T extends Target> = T extends KindName
  ? KindDocuments[T]
  : T extends CollectionName
    ? PartitionDocument<T>
    : never;

/** Every partition has a collection on the device, and every collection is a partition. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _EveryPartitionHasACollection = Assert<Same<keyof ClinicCollections, CollectionName>>;
export type _CollectionsHoldTheirKinds = Assert<
  Same<ClinicCollections['patients'], RxCollection<PartitionDocument<'patients'>>>
>;

/** Where the records are: a signed-in workspace (or, in tests, any object holding the database). */
export type DocumentSource = { readonly db: ClinicDatabase };

/** Why an edit was not made: the record never reached this device, or it was deleted. */
export type EditRefusal = { code: 'not-on-device'; id: string } | { code: 'deleted'; id: string };

function collectionOf<T extends Target>(
  source: DocumentSource,
  target: T,
): RxCollection<DocumentOf<T>> {
  // The one cast of the layer: indexing `ClinicCollections` by a generic name loses the link
  // between the name and its record type that `DocumentOf` restores.
  return source.db.collections[partitionNamed(target)] as unknown as RxCollection<DocumentOf<T>>;
}

function partitionNamed(target: Target): CollectionName {
  return isCollectionName(target) ? target : partitionOf(target);
}

/** The kind a target asks for; undefined for a whole partition. */
function kindNamed(target: Target): KindName | undefined {
  return isCollectionName(target) ? undefined : target;
}

/** Whether a stored record is of the target (any record is of its partition). */
function isOf(target: Target, doc: unknown): boolean {
  const kind = kindNamed(target);
  return kind === undefined || (doc as { kind?: unknown } | null)?.kind === kind;
}

/** The query, narrowed to the target's kind. */
function ofTarget<D>(target: Target, query: MangoQuery<D>): MangoQuery<D> {
  const kind = kindNamed(target);
  if (kind === undefined) return query;
  return { ...query, selector: { ...query.selector, kind } as MangoQuery<D>['selector'] };
}

/** A stored record as plain data (without RxDB's revision and metadata). */
function stateOf<D>(doc: RxDocument<D>): D {
  return doc.toJSON() as D;
}

/** RxDB's documents by id as plain data, of the target only: a new map per answer. */
function statesById<D>(docs: Map<string, RxDocument<D>>, target: Target): ReadonlyMap<string, D> {
  return new Map(
    [...docs]
      .filter(([, doc]) => isOf(target, doc))
      .map(([id, doc]) => [id, stateOf(doc)] as const),
  );
}

/** One record, and each later state of it; null while it is not on the device (or deleted). */
export function observeDocument<T extends Target>(
  source: DocumentSource,
  target: T,
  id: string,
): Observable<DocumentOf<T> | null> {
  return collectionOf(source, target)
    .findOne(id)
    .$.pipe(map((doc) => (doc && isOf(target, doc) ? stateOf(doc) : null)));
}

/** The records with these ids that are on the device, by id, kept current. */
export function observeDocuments<T extends Target>(
  source: DocumentSource,
  target: T,
  ids: readonly string[],
): Observable<ReadonlyMap<string, DocumentOf<T>>> {
  return collectionOf(source, target)
    .findByIds([...ids])
    .$.pipe(map((docs) => statesById(docs, target)));
}

/** The records a query finds, kept current as any tab or sync writes. */
export function observeFind<T extends Target>(
  source: DocumentSource,
  target: T,
  query: MangoQuery<DocumentOf<T>>,
): Observable<DocumentOf<T>[]> {
  return collectionOf(source, target)
    .find(ofTarget(target, query))
    .$.pipe(map((docs) => docs.map(stateOf)));
}

/**
 * One record as a value Svelte tracks: `undefined` until the device has answered, `null` when the
 * record is not on this device (not synced here yet, a wrong link, or deleted), else its state.
 */
export function liveDocument<T extends Target>(
  source: DocumentSource,
  target: T,
  id: string,
): { readonly current: DocumentOf<T> | null | undefined } {
  return live(observeDocument(source, target, id), undefined);
}

/** The records with these ids on the device, by id (`undefined` until the device answered). */
export function liveDocuments<T extends Target>(
  source: DocumentSource,
  target: T,
  ids: readonly string[],
): { readonly current: ReadonlyMap<string, DocumentOf<T>> | undefined } {
  return live(observeDocuments(source, target, ids), undefined);
}

/** The records a query finds, as a value Svelte tracks (`undefined` until the device answered). */
export function liveFind<T extends Target>(
  source: DocumentSource,
  target: T,
  query: MangoQuery<DocumentOf<T>>,
): { readonly current: DocumentOf<T>[] | undefined } {
  return live(observeFind(source, target, query), undefined);
}

/** One record as it is now, or null when it is not on this device. */
export async function readDocument<T extends Target>(
  source: DocumentSource,
  target: T,
  id: string,
): Promise<DocumentOf<T> | null> {
  const doc = await collectionOf(source, target).findOne(id).exec();
  return doc && isOf(target, doc) ? stateOf(doc) : null;
}

/** The records with these ids that are on this device now, by id. */
export async function readDocuments<T extends Target>(
  source: DocumentSource,
  target: T,
  ids: readonly string[],
): Promise<ReadonlyMap<string, DocumentOf<T>>> {
  return statesById(
    await collectionOf(source, target)
      .findByIds([...ids])
      .exec(),
    target,
  );
}

/**
 * Changes one record on this device. `change` is a pure function of the record's current state:
 * it is applied to the latest stored state (RxDB's `incrementalModify`: a write from another tab
 * or a sync that lands first is kept, never overwritten blind), and may be called again should
 * such a write land while it runs. It answers the new state, or refuses with its own error.
 *
 * Nothing is written when the record is not on the device or deleted (a typed refusal), when the
 * change refuses, or when it leaves the record as it was. Resolves once the new state is durably
 * stored (the database's strict durability), with the state stored.
 */
export async function editDocument<T extends Target, E = never>(
  source: DocumentSource,
  target: T,
  id: string,
  change: (current: DocumentOf<T>) => Result<DocumentOf<T>, E>,
): Promise<Result<DocumentOf<T>, E | EditRefusal>> {
  const collection = collectionOf(source, target);
  const doc = await collection.findOne(id).exec();
  // A record of another kind is not the one asked for: as if it were not here.
  if (!doc || !isOf(target, doc))
    return fail(doc ? { code: 'not-on-device', id } : await whyMissing(collection, id));

  // Decided first on the state this tab knows, so that a refusal or a no-op writes nothing (an
  // incremental write always writes, stamping this person as the record's last editor).
  const current = stateOf(doc);
  const first = change(current);
  if (!first.ok) return first;
  checkSameRecord(collection, id, first.value);
  if (sameDocumentState(first.value, current)) return ok(current);

  const outcome: { refused?: Result<never, E | EditRefusal> } = {};
  const saved = await doc.incrementalModify((latest) => {
    const { _deleted: deleted, ...state } = latest as DocumentOf<T> & { _deleted?: boolean };
    // Another tab or a sync deleted it meanwhile. RxDB writes whatever this returns, so the
    // tombstone goes back as it is: an edit never brings a deleted record back.
    if (deleted) {
      outcome.refused = fail({ code: 'deleted', id });
      return latest;
    }
    const next = change(state as DocumentOf<T>);
    if (!next.ok) {
      outcome.refused = next;
      return latest;
    }
    checkSameRecord(collection, id, next.value);
    return next.value;
  });
  return outcome.refused ?? ok(stateOf(saved));
}

async function whyMissing<D>(collection: RxCollection<D>, id: string): Promise<EditRefusal> {
  // findOne answers no deleted record; the storage says whether there is a tombstone.
  const [stored] = await collection.storageInstance.findDocumentsById([id], true);
  return stored?._deleted ? { code: 'deleted', id } : { code: 'not-on-device', id };
}

/** A change edits its record: one that answers another record's id is a bug, never a write. */
function checkSameRecord<D>(collection: RxCollection<D>, id: string, next: D): void {
  const key = (next as Record<string, unknown>)[collection.schema.primaryPath];
  if (key !== id)
    throw new Error(`An edit of ${collection.name}/${id} answered the id ${String(key)}`);
}

/**
 * One record of a kind as RxDB's document, for an action that changes it with RxDB's own
 * `incrementalModify` (merging several records, say); null when no record of that kind has the
 * id here. Prefer `editDocument`.
 */
export async function recordOf<K extends KindName>(
  source: DocumentSource,
  kind: K,
  id: string,
): Promise<RxDocument<KindDocuments[K]> | null> {
  const doc = await collectionOf(source, kind).findOne(id).exec();
  return doc && isOf(kind, doc) ? (doc as unknown as RxDocument<KindDocuments[K]>) : null;
}

/**
 * The collection holding a kind, typed as that kind, for readers that page through it by index
 * themselves (the patient list). Every query made on it must select the kind: the partition may
 * hold others.
 */
export function collectionOfKind<K extends KindName>(
  source: DocumentSource,
  kind: K,
): RxCollection<KindDocuments[K]> {
  return collectionOf(source, kind) as unknown as RxCollection<KindDocuments[K]>;
}
