import SearchableMap from 'minisearch/SearchableMap';
import { eachWord } from './search-words.ts';

/**
 * The inverted index under filing search: for every folded word, where it occurs, as packed
 * numbers — (entry, place × 65536 + count) pairs — rather than a Map per word and document.
 *
 * Why not MiniSearch's whole index: measured on 10,000 documents of 1–3 pages of 300–600 words,
 * its per-document Maps took 34 s of CPU and about 275 MB to build, and a query on a common word
 * scored every document through them. Its radix tree (`SearchableMap`) is kept for what it does
 * well: the vocabulary, searched by prefix and by edit distance (typos) without a scan.
 *
 * An entry is one state of one document; a replaced or removed state is only marked dead, and
 * its numbers are dropped in one pass once they are a quarter of the index (`vacuum`).
 */

/** A place within an entry: a field of the record, or a page (PAGE_PLACE + index). */
export type Place = number;
export const PAGE_PLACE = 8;
const PLACE_UNIT = 65_536;
const MAX_PLACE = 16_383; // place × 65536 stays a small integer (below 2^30)

/** BM25's constants (Lucene's), and per place how much a word found there counts. */
const K1 = 1.2;
const B = 0.75;

export type Expansion = { term: string; termId: number; weight: number };

export type ExpandOptions = { prefix: boolean; typos: number };

/** A word is found as typed (1), as the start of a longer word, or with typos (less). */
const PREFIX_WEIGHT = 0.5;
const TYPO_WEIGHT = [1, 0.45, 0.25] as const;
/**
 * Words one query word may stand for at most (the closest, then the most frequent, are kept):
 * enough for every completion of two typed letters in a practice's text, so that a document
 * found by "kel" is still found while "ke" is on screen.
 */
const MAX_EXPANSIONS = 4_000;

export class TermIndex {
  readonly #vocabulary = new SearchableMap<number>();
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #postings: number[][] = [];
  /** Live entries each term is in (approximate between vacuums: removals do not lower it). */
  readonly #entryCounts: number[] = [];
  readonly #lastEntry: number[] = [];
  /** Per entry: alive, its places' lengths in words, and how many numbers it added. */
  readonly #alive: boolean[] = [];
  readonly #lengths: number[][] = [];
  readonly #added: number[] = [];
  #liveEntries = 0;
  #deadNumbers = 0;
  #liveNumbers = 0;
  /** Words per place class (field or page), for BM25's average length. */
  readonly #lengthSums = new Map<number, { words: number; places: number }>();

  get entries(): number {
    return this.#alive.length;
  }

  isAlive(entry: number): boolean {
    return this.#alive[entry] === true;
  }

  /** Indexes one entry's texts (place → text); entries are numbered 0, 1, 2… by the caller. */
  add(entry: number, texts: ReadonlyMap<Place, string>): void {
    if (entry !== this.#alive.length) throw new Error(`entry ${entry} out of order`);
    const lengths: number[] = [];
    let added = 0;
    const counts = new Map<number, number>();
    for (const [place, text] of texts) {
      if (place > MAX_PLACE) continue;
      counts.clear();
      let words = 0;
      eachWord(text, (word) => {
        words++;
        const termId = this.#termId(word);
        counts.set(termId, (counts.get(termId) ?? 0) + 1);
      });
      lengths[place] = words;
      const sums = this.#sumsOf(place);
      sums.words += words;
      sums.places++;
      for (const [termId, count] of counts) {
        this.#postings[termId]!.push(entry, place * PLACE_UNIT + Math.min(count, PLACE_UNIT - 1));
        if (this.#lastEntry[termId] !== entry) {
          this.#lastEntry[termId] = entry;
          this.#entryCounts[termId]!++;
        }
        added += 2;
      }
    }
    this.#alive.push(true);
    this.#lengths.push(lengths);
    this.#added.push(added);
    this.#liveEntries++;
    this.#liveNumbers += added;
  }

  remove(entry: number): void {
    if (!this.#alive[entry]) return;
    this.#alive[entry] = false;
    this.#liveEntries--;
    const added = this.#added[entry] ?? 0;
    this.#liveNumbers -= added;
    this.#deadNumbers += added;
    for (const [place, words] of this.#lengths[entry]!.entries()) {
      if (words === undefined) continue;
      const sums = this.#sumsOf(place);
      sums.words -= words;
      sums.places--;
    }
    this.#lengths[entry] = [];
    if (this.#deadNumbers > 100_000 && this.#deadNumbers > this.#liveNumbers / 3) this.vacuum();
  }

  /** Drops dead entries' numbers, and words no live entry has. */
  vacuum(): void {
    for (const [termId, postings] of this.#postings.entries()) {
      let kept = 0;
      let entries = 0;
      let last = -1;
      for (let i = 0; i < postings.length; i += 2) {
        const entry = postings[i]!;
        if (!this.#alive[entry]) continue;
        postings[kept++] = entry;
        postings[kept++] = postings[i + 1]!;
        if (entry !== last) entries++;
        last = entry;
      }
      postings.length = kept;
      this.#entryCounts[termId] = entries;
      if (kept === 0 && this.#ids.has(this.#terms[termId]!)) {
        this.#vocabulary.delete(this.#terms[termId]!);
        this.#ids.delete(this.#terms[termId]!);
      }
    }
    this.#deadNumbers = 0;
  }

  /**
   * The indexed words a query word stands for: itself, words it begins (while typing), and
   * words `typos` edits away, each weighted below an exact find.
   */
  expand(word: string, options: ExpandOptions): Expansion[] {
    const found = new Map<string, Expansion>();
    const offer = (term: string, termId: number, weight: number) => {
      const before = found.get(term);
      if (!before || before.weight < weight) found.set(term, { term, termId, weight });
    };
    const exact = this.#ids.get(word);
    if (exact !== undefined) offer(word, exact, 1);
    if (options.prefix)
      for (const [term, termId] of this.#vocabulary.atPrefix(word))
        offer(term, termId, PREFIX_WEIGHT * (0.5 + (0.5 * word.length) / term.length));
    if (options.typos > 0)
      for (const [term, [termId, distance]] of this.#vocabulary.fuzzyGet(word, options.typos))
        offer(term, termId, TYPO_WEIGHT[Math.min(distance, 2)] ?? 0);
    const all = [...found.values()];
    if (all.length <= MAX_EXPANSIONS) return all;
    return all
      .sort(
        (a, b) =>
          b.weight - a.weight || this.#entryCounts[b.termId]! - this.#entryCounts[a.termId]!,
      )
      .slice(0, MAX_EXPANSIONS);
  }

  /** Numbers to read for these expansions: what a query word costs. */
  cost(expansions: readonly Expansion[]): number {
    return expansions.reduce((sum, { termId }) => sum + this.#postings[termId]!.length, 0);
  }

  /**
   * Adds each live entry's BM25 score for the expansions into `scores` (by entry), for the
   * entries `admit` lets in; `boosts` weighs the places (a page's boost is `boosts[PAGE_PLACE]`).
   */
  score(
    expansions: readonly Expansion[],
    scores: Float64Array,
    admit: (entry: number) => boolean,
    boosts: readonly number[],
  ): void {
    const live = Math.max(1, this.#liveEntries);
    const averages = Array.from({ length: PAGE_PLACE + 1 }, (_, place) =>
      this.#averageLength(place),
    );
    for (const { termId, weight } of expansions) {
      const postings = this.#postings[termId]!;
      const df = Math.min(live, this.#entryCounts[termId]!);
      const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
      for (let i = 0; i < postings.length; i += 2) {
        const entry = postings[i]!;
        if (!this.#alive[entry] || !admit(entry)) continue;
        const packed = postings[i + 1]!;
        const place = Math.floor(packed / PLACE_UNIT);
        const count = packed - place * PLACE_UNIT;
        const words = this.#lengths[entry]![place] ?? 1;
        const placeClass = Math.min(place, PAGE_PLACE);
        const average = averages[placeClass]!;
        const tf = (count * (K1 + 1)) / (count + K1 * (1 - B + (B * words) / average));
        scores[entry]! += weight * (boosts[placeClass] ?? 1) * idf * tf;
      }
    }
  }

  /** The places (fields, pages) where the expansions occur in each of these live entries. */
  placesIn(
    expansions: readonly Expansion[],
    entries: ReadonlySet<number>,
  ): Map<number, Set<Place>> {
    const places = new Map<number, Set<Place>>();
    for (const { termId } of expansions) {
      const postings = this.#postings[termId]!;
      for (let i = 0; i < postings.length; i += 2) {
        const entry = postings[i]!;
        if (!entries.has(entry)) continue;
        let found = places.get(entry);
        if (!found) places.set(entry, (found = new Set()));
        found.add(Math.floor(postings[i + 1]! / PLACE_UNIT));
      }
    }
    return places;
  }

  #termId(word: string): number {
    let termId = this.#ids.get(word);
    if (termId === undefined) {
      termId = this.#terms.length;
      this.#terms.push(word);
      this.#postings.push([]);
      this.#entryCounts.push(0);
      this.#lastEntry.push(-1);
      this.#ids.set(word, termId);
      this.#vocabulary.set(word, termId);
    }
    return termId;
  }

  #sumsOf(place: number): { words: number; places: number } {
    const key = Math.min(place, PAGE_PLACE);
    let sums = this.#lengthSums.get(key);
    if (!sums) this.#lengthSums.set(key, (sums = { words: 0, places: 0 }));
    return sums;
  }

  #averageLength(placeClass: number): number {
    const sums = this.#lengthSums.get(placeClass);
    return sums && sums.places > 0 ? Math.max(1, sums.words / sums.places) : 1;
  }
}
