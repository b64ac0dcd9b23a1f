import type { ClinicDatabase } from '../../db/database.ts';
import type { LiveFilingIndex } from './filing-index-feed.ts';
import type {
  SearchAnswer,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchSort,
  SearchState,
} from './search-query.ts';

/** Typing settles for this long before the index is asked (each key would be wasted work). */
const TYPING_MS = 150;
/** Results asked for at first, and more each time staff ask for more. */
const PAGE = 50;

/**
 * A filing search screen's state: what staff typed, the filters and order they chose, and the
 * results with where each matched. Typing is debounced; a change of filters or order asks at
 * once; an answer that arrives after a newer question is dropped; results follow the device's
 * documents as they change (a sync, another tab). The index (and MiniSearch with it) is loaded
 * on first use, never with the first screen.
 */
export class FilingSearch {
  #text = $state('');
  #filters = $state<SearchFilters>({});
  #sort = $state<SearchSort>('relevance');
  #limit = $state(PAGE);
  #answer = $state<SearchAnswer | null>(null);
  /** A question is on its way (typing settling, or the index answering). */
  loading = $state(true);
  /** The device is still reading its documents into the index: results are "so far". */
  indexing = $state(true);

  readonly #index: Promise<LiveFilingIndex>;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;
  #stop: (() => void) | null = null;
  #answering = false;
  #stale = false;
  #disposed = false;

  constructor(db: ClinicDatabase, index?: Promise<LiveFilingIndex>) {
    this.#index =
      index ?? import('./filing-index-feed.ts').then((feed) => feed.filingSearchIndex(db));
    void this.#index.then((live) => {
      if (this.#disposed) return;
      this.#stop = live.subscribe(() => {
        this.indexing = !live.loaded;
        // Documents arriving from a sync: once the answer on its way is in, ask again (once).
        if (this.#answering) this.#stale = true;
        else this.#ask();
      });
      this.indexing = !live.loaded;
      this.#ask();
    });
  }

  get text(): string {
    return this.#text;
  }

  /** What staff type: asked once typing settles. */
  set text(text: string) {
    if (text === this.#text) return;
    this.#text = text;
    this.#limit = PAGE;
    this.loading = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#ask();
    }, TYPING_MS);
  }

  get filters(): SearchFilters {
    return this.#filters;
  }

  set filters(filters: SearchFilters) {
    this.#filters = filters;
    this.#limit = PAGE;
    this.#askNow();
  }

  get sort(): SearchSort {
    return this.#sort;
  }

  set sort(sort: SearchSort) {
    this.#sort = sort;
    this.#askNow();
  }

  /** A saved view (or any state) at once: text, filters and order together. */
  apply(state: SearchState): void {
    this.#text = state.text;
    this.#filters = state.filters;
    this.#sort = state.sort;
    this.#limit = PAGE;
    this.#askNow();
  }

  /** What a saved view of this search would keep. */
  get state(): SearchState {
    return { text: this.#text, filters: $state.snapshot(this.#filters), sort: this.#sort };
  }

  get hits(): SearchHit[] {
    return this.#answer?.hits ?? [];
  }

  /** Every document that matches (more than `hits` until staff ask for more). */
  get total(): number {
    return this.#answer?.total ?? 0;
  }

  /** The first answer is in (until then nothing can be said about the device's documents). */
  get answered(): boolean {
    return this.#answer !== null;
  }

  /** Documents the trash and inbox filters admit, whatever the words: "12 of 2,000". */
  get within(): number {
    return this.#answer?.within ?? 0;
  }

  /** Documents searched: those the device holds and has read so far. */
  get indexed(): number {
    return this.#answer?.indexed ?? 0;
  }

  get hasMore(): boolean {
    return this.hits.length < this.total;
  }

  showMore(): void {
    this.#limit += PAGE;
    this.#askNow();
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#stop?.();
  }

  #askNow(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#ask();
  }

  #ask(): void {
    // Typing has not settled: the timer asks when it does.
    if (this.#timer) return;
    const asked = ++this.#asked;
    this.loading = true;
    this.#answering = true;
    const query: SearchQuery = {
      text: this.#text,
      filters: $state.snapshot(this.#filters),
      sort: this.#sort,
      limit: this.#limit,
    };
    void this.#index
      .then((live) => live.search(query))
      .then((answer) => {
        // A newer question was asked meanwhile: its answer is the one to show.
        if (asked !== this.#asked || this.#disposed) return;
        this.#answering = false;
        this.#answer = answer;
        this.loading = false;
        if (this.#stale) {
          this.#stale = false;
          this.#ask();
        }
      });
  }
}
