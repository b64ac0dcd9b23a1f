import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import type { MangoQuery, RxCollection, RxDocument } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { ClinicCollections, ClinicDatabase } from './database.ts';
import { live } from './live.svelte.ts';

/**
 * The generic document layer: how screens and their runes readers read and change the device's
 * records, by partition (collection) name, each typed as its collection declares it. Pages never
 * reach RxDB themselves (lint refuses `.collections`, `.db` and rxdb imports under routes/): they
 * ask a domain reader (`*.svelte.ts`), which asks this layer.
 */

/** The record a partition holds, as `ClinicCollections` declares it. */
export type DocumentOf<P extends CollectionName> = P extends CollectionName
  ? ClinicCollections[P] extends RxCollection<infer D>
    ? D
    : never
  : never;

/** Every partition has a collection on the device, and every collection is a partition. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _EveryPartitionHasACollection = Assert<Same<keyof ClinicCollections, CollectionName>>;

/** Where the records are: a signed-in workspace (or, in tests, any object holding the database). */
export type DocumentSource = { readonly db: ClinicDatabase };

/** Why an edit was not made: the record never reached this device, or it was deleted. */
export type EditRefusal = { code: 'not-on-device'; id: string } | { code: 'deleted'; id: string };

function collectionOf<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
): RxCollection<DocumentOf<P>> {
  // The one cast of the layer: indexing `ClinicCollections` by a generic name loses the link
  // between the name and its record type that `DocumentOf` restores.
  return source.db.collections[partition] as unknown as RxCollection<DocumentOf<P>>;
}

/** A stored record as plain data (without RxDB's revision and metadata). */
function stateOf<D>(doc: RxDocument<D>): D {
  return doc.toJSON() as D;
}

/** RxDB's documents by id as plain data: a new map per answer, which no one changes. */
function statesById<D>(docs: Map<string, RxDocument<D>>): ReadonlyMap<string, D> {
  return new Map([...docs].map(([id, doc]) => [id, stateOf(doc)] as const));
}

/** One record, and each later state of it; null while it is not on the device (or deleted). */
export function observeDocument<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  id: string,
): Observable<DocumentOf<P> | null> {
  return collectionOf(source, partition)
    .findOne(id)
    .$.pipe(map((doc) => (doc ? stateOf(doc) : null)));
}

/** The records with these ids that are on the device, by id, kept current. */
export function observeDocuments<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  ids: readonly string[],
): Observable<ReadonlyMap<string, DocumentOf<P>>> {
  return collectionOf(source, partition)
    .findByIds([...ids])
    .$.pipe(map(statesById));
}

/** The records a query finds, kept current as any tab or sync writes. */
export function observeFind<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  query: MangoQuery<DocumentOf<P>>,
): Observable<DocumentOf<P>[]> {
  return collectionOf(source, partition)
    .find(query)
    .$.pipe(map((docs) => docs.map(stateOf)));
}

/**
 * One record as a value Svelte tracks: `undefined` until the device has answered, `null` when the
 * record is not on this device (not synced here yet, a wrong link, or deleted), else its state.
 */
export function liveDocument<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  id: string,
): { readonly current: DocumentOf<P> | null | undefined } {
  return live(observeDocument(source, partition, id), undefined);
}

/** The records with these ids on the device, by id (`undefined` until the device answered). */
export function liveDocuments<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  ids: readonly string[],
): { readonly current: ReadonlyMap<string, DocumentOf<P>> | undefined } {
  return live(observeDocuments(source, partition, ids), undefined);
}

/** The records a query finds, as a value Svelte tracks (`undefined` until the device answered). */
export function liveFind<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  query: MangoQuery<DocumentOf<P>>,
): { readonly current: DocumentOf<P>[] | undefined } {
  return live(observeFind(source, partition, query), undefined);
}

/** One record as it is now, or null when it is not on this device. */
export async function readDocument<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  id: string,
): Promise<DocumentOf<P> | null> {
  const doc = await collectionOf(source, partition).findOne(id).exec();
  return doc ? stateOf(doc) : null;
}

/** The records with these ids that are on this device now, by id. */
export async function readDocuments<P extends CollectionName>(
  source: DocumentSource,
  partition: P,
  ids: readonly string[],
): Promise<ReadonlyMap<string, DocumentOf<P>>> {
  return statesById(
    await collectionOf(source, partition)
      .findByIds([...ids])
      .exec(),
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
export async function editDocument<P extends CollectionName, E = never>(
  source: DocumentSource,
  partition: P,
  id: string,
  change: (current: DocumentOf<P>) => Result<DocumentOf<P>, E>,
): Promise<Result<DocumentOf<P>, E | EditRefusal>> {
  const collection = collectionOf(source, partition);
  const doc = await collection.findOne(id).exec();
  if (!doc) return fail(await whyMissing(collection, id));

  // Decided first on the state this tab knows, so that a refusal or a no-op writes nothing (an
  // incremental write always writes, stamping this person as the record's last editor).
  const current = stateOf(doc);
  const first = change(current);
  if (!first.ok) return first;
  checkSameRecord(collection, id, first.value);
  if (sameDocumentState(first.value, current)) return ok(current);

  const outcome: { refused?: Result<never, E | EditRefusal> } = {};
  const saved = await doc.incrementalModify((latest) => {
    const { _deleted: deleted, ...state } = latest as DocumentOf<P> & { _deleted?: boolean };
    // Another tab or a sync deleted it meanwhile. RxDB writes whatever this returns, so the
    // tombstone goes back as it is: an edit never brings a deleted record back.
    if (deleted) {
      outcome.refused = fail({ code: 'deleted', id });
      return latest;
    }
    const next = change(state as DocumentOf<P>);
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
