import type { SearchAnswer, SearchHit, SearchQuery } from './search-query.ts';
import { type SearchSetup, type SearchSource, valueText } from './search-source.ts';
import { admitsAll } from './search-filters.ts';
import { matchesOf } from './search-matches.ts';
import { foldedWords } from './search-words.ts';
import { type Expansion, PAGE_PLACE, type Place, TermIndex } from './term-index.ts';

/**
 * The places of a document the index reads, and how much a word found there counts: a word in
 * the title says more about the document than one on page 7.
 */
export const PLACES = {
  title: 0,
  notes: 1,
  tag: 2,
  correspondent: 3,
  category: 4,
  documentType: 5,
  customField: 6,
} as const;
const BOOSTS = [3, 1.5, 2, 2, 1.5, 1.5, 1.5, 0, 1];

/**
 * Prefix search from two letters; one typo from four letters, two from eight — but none in a
 * word with digits: a policy or claim number one digit off is another patient's.
 */
function expandOptions(word: string): { prefix: boolean; typos: number } {
  const typos = /\d/.test(word) ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  return { prefix: word.length >= 2, typos };
}

type Indexed = { entry: number; source: SearchSource };

/**
 * Every filed document on the device, searchable by its words and its setup's names (tags,
 * correspondent, category path, document type, custom field names), kept current one document
 * at a time. A renamed tag or moved category re-indexes the documents that name it.
 *
 * Pure and synchronous: the worker runs it off the main thread, tests run it directly.
 */
export class FilingSearchIndex {
  readonly #terms = new TermIndex();
  readonly #byId = new Map<string, Indexed>();
  readonly #byEntry: (Indexed | undefined)[] = [];
  readonly #setup = new Map<string, SearchSetup>();

  get size(): number {
    return this.#byId.size;
  }

  put(source: SearchSource): void {
    this.remove(source.id);
    const entry = this.#terms.entries;
    this.#terms.add(entry, this.#textsOf(source));
    const indexed = { entry, source };
    this.#byId.set(source.id, indexed);
    this.#byEntry[entry] = indexed;
  }

  remove(id: string): void {
    const indexed = this.#byId.get(id);
    if (!indexed) return;
    this.#terms.remove(indexed.entry);
    this.#byEntry[indexed.entry] = undefined;
    this.#byId.delete(id);
  }

  /** A setup record written: the documents whose words it changes are indexed again. */
  putSetup(setup: SearchSetup): void {
    const before = this.#setup.get(setup.id);
    this.#setup.set(setup.id, setup);
    if (before && JSON.stringify(before) === JSON.stringify(setup)) return;
    this.#reindexNaming(setup.id);
  }

  removeSetup(id: string): void {
    if (!this.#setup.delete(id)) return;
    this.#reindexNaming(id);
  }

  search(query: SearchQuery): SearchAnswer {
    const admit = admitsAll(query.filters, this.#setup);
    const words = [...new Set(typedWords(query.text))];
    const ranked = words.length === 0 ? this.#allAdmitted(admit) : this.#ranked(words, admit);
    const within = this.#within(query.filters);
    if (!ranked) return { total: 0, hits: [], indexed: this.size, within };
    const sort = words.length === 0 && query.sort === 'relevance' ? 'newest' : query.sort;
    // Ties by id: ids are time-ordered, so of two documents of one day the later made is newer.
    ranked.list.sort(
      sort === 'relevance'
        ? (a, b) => b.score - a.score || byDate(b.indexed, a.indexed)
        : sort === 'newest'
          ? (a, b) => byDate(b.indexed, a.indexed)
          : (a, b) => byDate(a.indexed, b.indexed),
    );
    const offset = query.offset ?? 0;
    const shown = ranked.list.slice(offset, offset + query.limit);
    const places = this.#terms.placesIn(
      ranked.expanded.flat(),
      new Set(shown.map(({ indexed }) => indexed.entry)),
    );
    const hits = shown.map(({ indexed, score }) => {
      const pages = [...(places.get(indexed.entry) ?? [])]
        .filter((place) => place >= PAGE_PLACE)
        .map((place) => place - PAGE_PLACE)
        .sort((a, b) => a - b);
      return this.#hit(indexed.source, score, ranked.terms, pages);
    });
    return { total: ranked.list.length, hits, indexed: this.size, within };
  }

  #within(filters: SearchQuery['filters']): number {
    if (filters.includeTrashed === true && filters.filing === undefined) return this.size;
    const admit = admitsAll(
      { includeTrashed: filters.includeTrashed, filing: filters.filing },
      this.#setup,
    );
    let count = 0;
    for (const { source } of this.#byId.values()) if (admit(source)) count++;
    return count;
  }

  #allAdmitted(admit: (source: SearchSource) => boolean) {
    const list = [...this.#byId.values()]
      .filter(({ source }) => admit(source))
      .map((indexed) => ({ indexed, score: 0 }));
    const expanded: Expansion[][] = [];
    return { list, terms: new Set<string>(), expanded };
  }

  /** Documents holding every word (as typed, as a prefix or with typos), with their scores. */
  #ranked(words: string[], admit: (source: SearchSource) => boolean) {
    const expanded = words.map((word) => this.#terms.expand(word, expandOptions(word)));
    if (expanded.some((expansions) => expansions.length === 0)) return null;
    // The rarest word first: later words only score documents the earlier ones found.
    expanded.sort((a, b) => this.#terms.cost(a) - this.#terms.cost(b));
    const verdicts = new Int8Array(this.#terms.entries); // 0 unread, 1 admitted, -1 not
    const admitEntry = (entry: number) => {
      const verdict = verdicts[entry];
      if (verdict !== 0) return verdict === 1;
      const indexed = this.#byEntry[entry];
      const yes = indexed !== undefined && admit(indexed.source);
      verdicts[entry] = yes ? 1 : -1;
      return yes;
    };
    let total: Float64Array | null = null;
    for (const expansions of expanded) {
      const scores = new Float64Array(this.#terms.entries);
      const found = total;
      this.#terms.score(
        expansions,
        scores,
        found ? (entry) => found[entry]! > 0 : admitEntry,
        BOOSTS,
      );
      // Found by this word and every earlier one: the scores add up (only those were scored).
      if (found)
        for (let entry = 0; entry < scores.length; entry++)
          if (scores[entry]! > 0) scores[entry]! += found[entry]!;
      total = scores;
    }
    const list: { indexed: Indexed; score: number }[] = [];
    for (const [entry, score] of (total ?? new Float64Array()).entries()) {
      const indexed = this.#byEntry[entry];
      if (score > 0 && indexed) list.push({ indexed, score });
    }
    return { list, terms: termsOf(expanded), expanded };
  }

  #hit(
    source: SearchSource,
    score: number,
    terms: ReadonlySet<string>,
    pageIndexes: number[],
  ): SearchHit {
    const { matches, pages } = matchesOf(source, this.#placeTexts(source), terms, pageIndexes);
    return {
      id: source.id,
      title: source.title,
      ...(source.dated ? { documentDate: source.date } : {}),
      date: source.date,
      ...(source.patientId ? { patientId: source.patientId } : {}),
      ...(source.categoryId ? { categoryId: source.categoryId } : {}),
      ...(source.documentTypeId ? { documentTypeId: source.documentTypeId } : {}),
      ...(source.correspondentId ? { correspondentId: source.correspondentId } : {}),
      tagIds: source.tagIds,
      score,
      matches,
      pages,
    };
  }

  /** The texts of a document's places, with the ids of the setup they come from. */
  #placeTexts(source: SearchSource) {
    const named = (id: string | undefined) => (id ? this.#setup.get(id)?.name : undefined);
    const fields = Object.entries(source.fields).flatMap(([fieldId, value]) => {
      const field = this.#setup.get(fieldId);
      const text = valueText(value, field?.kind === 'customField' ? field.fieldType : undefined);
      return text === null ? [] : [{ fieldId, text: field ? `${field.name}: ${text}` : text }];
    });
    return {
      tags: source.tagIds.flatMap((tagId) => {
        const name = named(tagId);
        return name ? [{ tagId, text: name }] : [];
      }),
      correspondent: named(source.correspondentId),
      category: this.#categoryPath(source.categoryId),
      documentType: named(source.documentTypeId),
      fields,
    };
  }

  #textsOf(source: SearchSource): Map<Place, string> {
    const places = this.#placeTexts(source);
    const texts = new Map<Place, string>([[PLACES.title, source.title]]);
    if (source.notes) texts.set(PLACES.notes, source.notes);
    if (places.tags.length) texts.set(PLACES.tag, places.tags.map((t) => t.text).join('\n'));
    if (places.correspondent) texts.set(PLACES.correspondent, places.correspondent);
    if (places.category) texts.set(PLACES.category, places.category);
    if (places.documentType) texts.set(PLACES.documentType, places.documentType);
    if (places.fields.length)
      texts.set(PLACES.customField, places.fields.map((f) => f.text).join('\n'));
    for (const [page, text] of source.pages.entries()) texts.set(PAGE_PLACE + page, text);
    return texts;
  }

  /** "Clinical › Outside records › Labs"; a loop or a missing parent ends the path. */
  #categoryPath(categoryId: string | undefined): string | undefined {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let id = categoryId; id && !seen.has(id);) {
      seen.add(id);
      const category = this.#setup.get(id);
      if (category?.kind !== 'category') break;
      names.unshift(category.name);
      id = category.parentId;
    }
    return names.length ? names.join(' › ') : undefined;
  }

  #reindexNaming(setupId: string): void {
    const naming = [...this.#byId.values()]
      .map(({ source }) => source)
      .filter(
        (source) =>
          source.tagIds.includes(setupId) ||
          source.correspondentId === setupId ||
          source.documentTypeId === setupId ||
          setupId in source.fields ||
          // A category's name is in the path of every document filed under it.
          (source.categoryId !== undefined &&
            this.#categoryPathIds(source.categoryId).has(setupId)),
      );
    for (const source of naming) this.put(source);
  }

  #categoryPathIds(categoryId: string): Set<string> {
    const ids = new Set<string>();
    for (let id: string | undefined = categoryId; id && !ids.has(id);) {
      ids.add(id);
      const category = this.#setup.get(id);
      id = category?.kind === 'category' ? category.parentId : undefined;
    }
    return ids;
  }
}

/**
 * The words of a query. A last word of one letter after others is a word still being typed: left
 * out until the next letter, so the results of the words before stay on screen (as a prefix it
 * would stand for a twentieth of every word in the files).
 */
function typedWords(text: string): string[] {
  const words = foldedWords(text);
  const last = words[words.length - 1];
  if (words.length > 1 && last?.length === 1 && !/\s$/.test(text)) words.pop();
  return words;
}

function byDate(a: Indexed, b: Indexed): number {
  const [x, y] = [a.source, b.source];
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

function termsOf(expanded: readonly Expansion[][]): Set<string> {
  return new Set(expanded.flatMap((expansions) => expansions.map(({ term }) => term)));
}
