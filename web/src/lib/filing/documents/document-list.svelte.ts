import { untrack } from 'svelte';
import type { SavedView } from '../../db/local-db.ts';
import type { DownloadProgress } from '../../sync/download-progress.ts';
import { receivedWholeBefore, syncStatus } from '../../sync/sync-status.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { FilingSearch } from '../search/filing-search.svelte.ts';
import { SavedViewShelf } from '../search/saved-view-shelf.svelte.ts';
import type { SearchFilters, SearchSort, SearchState } from '../search/search-query.ts';
import { foldedWords } from '../search/search-words.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';
import { PatientChoice } from './patient-choice.svelte.ts';
import { PatientNames } from './patient-names.svelte.ts';

/** The list is of filed documents: the inbox and the trash are screens of their own. */
const LISTED: SearchFilters = { filing: 'filed' };

/** The filters without the parts left empty (so that a saved view compares as set). */
function tidy(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, value]) =>
        value !== undefined && value !== '' && !(Array.isArray(value) && !value.length),
    ),
  ) as SearchFilters;
}

/**
 * The documents list (`/filing`): every filed document on this device, found by one search box
 * over titles, notes, tags, correspondents, categories, types, custom fields and the text of
 * every page, narrowed by the filters staff set, newest first or best match first, each result
 * saying where the words were found. Staff can save the search as a view and come back to it.
 * Works from the device's own index alone (filing-search.svelte.ts), offline.
 */
export class DocumentList {
  readonly lookups: FilingLookups;
  readonly patient: PatientChoice;
  readonly search: FilingSearch;
  readonly views: SavedViewShelf;
  readonly names: PatientNames;
  readonly #stop: () => void;
  readonly #person: string;

  constructor(workspace: Workspace, patientId?: string) {
    this.#person = workspace.user.id;
    this.lookups = new FilingLookups(workspace);
    this.patient = new PatientChoice(workspace, () => patientId);
    this.search = new FilingSearch(workspace.db);
    this.search.apply({ text: '', filters: tidy({ ...LISTED, patientId }), sort: 'relevance' });
    this.views = new SavedViewShelf(workspace.local);
    this.names = new PatientNames(workspace, () => this.search.hits.map((hit) => hit.patientId));
    // The patient picker chooses on its own; its choice narrows the search as it is made.
    this.#stop = $effect.root(() => {
      $effect(() => {
        const id = this.patient.id;
        untrack(() => this.#narrow({ patientId: id }));
      });
    });
  }

  #narrow(patch: Partial<SearchFilters>): void {
    const next = tidy({ ...this.search.filters, ...patch, ...LISTED });
    if (JSON.stringify(next) === JSON.stringify(tidy(this.search.filters))) return;
    this.search.filters = next;
  }

  get text(): string {
    return this.search.text;
  }
  set text(text: string) {
    this.search.text = text;
  }

  get categoryId(): string {
    return this.search.filters.categoryId ?? '';
  }
  set categoryId(id: string) {
    this.#narrow({ categoryId: id || undefined });
  }

  get documentTypeId(): string {
    return this.search.filters.documentTypeId ?? '';
  }
  set documentTypeId(id: string) {
    this.#narrow({ documentTypeId: id || undefined });
  }

  get tagId(): string {
    return this.search.filters.tagIds?.[0] ?? '';
  }
  set tagId(id: string) {
    this.#narrow({ tagIds: id ? [id] : undefined });
  }

  get correspondentId(): string {
    return this.search.filters.correspondentId ?? '';
  }
  set correspondentId(id: string) {
    this.#narrow({ correspondentId: id || undefined });
  }

  get from(): string {
    return this.search.filters.dateFrom ?? '';
  }
  set from(day: string) {
    this.#narrow({ dateFrom: day || undefined });
  }

  get to(): string {
    return this.search.filters.dateTo ?? '';
  }
  set to(day: string) {
    this.#narrow({ dateTo: day || undefined });
  }

  get sort(): SearchSort {
    return this.search.sort;
  }
  set sort(sort: SearchSort) {
    this.search.sort = sort;
  }

  /** The dates are the wrong way round: nothing could match, and the screen says why. */
  get datesReversed(): boolean {
    return this.from !== '' && this.to !== '' && this.from > this.to;
  }

  /** The device's documents and the setup that names them are read (the index answered). */
  get loaded(): boolean {
    return this.search.answered && this.lookups.loaded;
  }

  /**
   * The device is still receiving the practice's documents from the server (its first sync
   * here, say): an empty or short list says nothing about the practice's files yet.
   */
  get downloading(): boolean {
    if (syncStatus.downloadsKnown) return 'filing' in syncStatus.downloads;
    // Sync has not started yet (it waits for the first screen): what this device last knew.
    return !receivedWholeBefore(this.#person, 'filing');
  }

  /** How far the documents' download has come (null while not under way or not counted). */
  get download(): DownloadProgress | null {
    return syncStatus.download('filing');
  }

  /** Filed documents on this device (not in the trash), whatever the search. */
  get total(): number {
    return this.search.within;
  }

  /** Documents found (more than `hits` until staff ask for more). */
  get found(): number {
    return this.search.total;
  }

  get hits() {
    return this.search.hits;
  }

  /** Words were typed that the search reads (a stray quote or bracket alone is no word). */
  get hasWords(): boolean {
    return foldedWords(this.text).length > 0;
  }

  /** A filter beyond the words is set (patient, category, type, tag, correspondent, dates). */
  get hasFilters(): boolean {
    return this.filterCount > 0;
  }

  /** How many filters beyond the words are set ("Filters (2 set)"). */
  get filterCount(): number {
    return Object.keys(tidy(this.search.filters)).filter((key) => key !== 'filing').length;
  }

  /** Words or a filter are set: the list then says how many of all it shows. */
  get isFiltered(): boolean {
    return this.hasWords || this.hasFilters;
  }

  /** What a saved view of the list keeps. */
  get state(): SearchState {
    return this.search.state;
  }

  showMore(): void {
    this.search.showMore();
  }

  apply(view: SavedView): void {
    this.restore({ text: view.text, filters: view.filters, sort: view.sort });
  }

  /** A search as it was (a saved view, or the list as it was before a document was opened). */
  restore(state: SearchState): void {
    this.search.apply({
      text: state.text,
      filters: tidy({ ...state.filters, ...LISTED }),
      sort: state.sort,
    });
    this.patient.choose(state.filters.patientId);
  }

  clearFilters(): void {
    this.search.apply({ text: '', filters: LISTED, sort: 'relevance' });
    this.patient.choose(undefined);
  }

  dispose(): void {
    this.#stop();
    this.search.dispose();
    this.views.dispose();
  }
}
