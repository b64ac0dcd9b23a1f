import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import {
  normalizeMangoQuery,
  prepareQuery,
  type RxChangeEventBulk,
  type RxCollection,
  type RxDocumentData,
} from 'rxdb';
import type { ClinicDatabase } from '../../db/database.ts';
import {
  type IndexChange,
  LocalSearchEngine,
  type SearchEngine,
  WorkerSearchEngine,
} from './search-engine.ts';
import type { SearchAnswer, SearchQuery } from './search-query.ts';
import {
  isSetupKind,
  SETUP_KINDS,
  type SearchSetup,
  searchSetupOf,
  type SearchSource,
  searchSourceOf,
} from './search-source.ts';

/** Documents read from the database per page at start (each page one message to the worker). */
const PAGE_SIZE = 250;

type Stored = RxDocumentData<{ id: string; kind: string }>;

/** A revision's number ("12-ab3f…" → 12): a state with a lower one is older. */
function height(revision: string): number {
  return Number.parseInt(revision, 10) || 0;
}

/**
 * Keeps the device's filing search index equal to the filed documents on the device: read once
 * page by page (yielding between pages), then patched from the partition's change stream — a
 * document written is put again, one deleted or withdrawn from this reader (a tombstone) leaves
 * the index, a setup record renamed re-indexes the documents it names. Every state is applied
 * only if newer than the one indexed (by revision), so a page read while a change arrives can
 * never bring back an older state.
 */
export class LiveFilingIndex {
  readonly #engine: SearchEngine;
  readonly #heights = new Map<string, number>();
  readonly #listeners = new Set<() => void>();
  readonly #subscription: { unsubscribe(): void };
  /** Resolves once every document on the device at start is in the index. */
  readonly whenLoaded: Promise<void>;
  loaded = false;
  read = 0;

  constructor(db: ClinicDatabase, engine: SearchEngine) {
    this.#engine = engine;
    // Subscribed before the first read, so that no change falls between the two.
    this.#subscription = db.filing.eventBulks$.subscribe((bulk: RxChangeEventBulk<Stored>) =>
      this.#apply(bulk.events.map((event) => event.documentData)),
    );
    this.whenLoaded = this.#readAll(db.filing as unknown as RxCollection<Stored>).catch(
      (error: unknown) => console.error('ClinicDesk could not read the filed documents', error),
    );
  }

  search(query: SearchQuery): Promise<SearchAnswer> {
    return this.#engine.search(query);
  }

  /** Called after the index changed (a page read, a document written): results may differ. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#subscription.unsubscribe();
    this.#engine.dispose();
    this.#listeners.clear();
  }

  async #readAll(collection: RxCollection<Stored>): Promise<void> {
    this.#apply(await readPage(collection, { $in: [...SETUP_KINDS] }, null, 10_000));
    for (let after: string | null = null; ;) {
      const page = await readPage(collection, 'filedDocument', after, PAGE_SIZE);
      this.#apply(page);
      this.read += page.length;
      const last = page[page.length - 1];
      if (!last || page.length < PAGE_SIZE) break;
      after = last.id;
      // Let the screen draw and the desk type between pages.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.loaded = true;
    this.#changed();
  }

  #apply(states: readonly Stored[]): void {
    const put: SearchSource[] = [];
    const remove: string[] = [];
    const putSetup: SearchSetup[] = [];
    const removeSetup: string[] = [];
    for (const state of states) {
      const known = this.#heights.get(state.id);
      const revision = height(state._rev);
      if (known !== undefined && known >= revision) continue;
      this.#heights.set(state.id, revision);
      if (state.kind === 'filedDocument') {
        if (state._deleted) remove.push(state.id);
        else put.push(searchSourceOf(state as unknown as FiledDocument));
      } else if (isSetupKind(state.kind)) {
        const setup = searchSetupOf(state);
        if (state._deleted || !setup) removeSetup.push(state.id);
        else putSetup.push(setup);
      }
    }
    const change = { put, remove, putSetup, removeSetup } satisfies IndexChange;
    if (Object.values(change).every((list) => list.length === 0)) return;
    this.#engine.change(change);
    this.#changed();
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** Live records of the kinds asked for, after `after` by id, read from storage directly. */
async function readPage(
  collection: RxCollection<Stored>,
  kind: string | { $in: string[] },
  after: string | null,
  limit: number,
): Promise<Stored[]> {
  const schema = collection.schema.jsonSchema;
  const query = normalizeMangoQuery<Stored>(schema, {
    selector: {
      _deleted: { $eq: false },
      kind,
      ...(after === null ? {} : { id: { $gt: after } }),
    },
    sort: [{ id: 'asc' }],
    limit,
  });
  return (await collection.storageInstance.query(prepareQuery(schema, query))).documents;
}

/** The index in a worker where the browser has module workers; else in this thread. */
function startEngine(): SearchEngine {
  if (typeof Worker === 'undefined') return new LocalSearchEngine();
  return new WorkerSearchEngine(
    new Worker(new URL('./filing-search.worker.ts', import.meta.url), { type: 'module' }),
  );
}

const indexes = new WeakMap<ClinicDatabase, LiveFilingIndex>();

/** The filing search index of this signed-in database (started on first use, then kept live). */
export function filingSearchIndex(db: ClinicDatabase): LiveFilingIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new LiveFilingIndex(db, startEngine())));
  return index;
}
