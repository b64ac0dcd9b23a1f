import { foldName } from './fold-name.ts';
import {
  chartKey,
  nameMatches,
  nameTokens,
  type ParsedQuery,
  parsePatientQuery,
  phoneDigits,
  type SearchablePatient,
} from './search-patients.ts';

export type SearchResult<T> = {
  /** How many patients match in all. */
  total: number;
  /** The first `limit` of them in list order (an exact chart number first, then by name). */
  shown: T[];
};

type Entry<T> = {
  patient: T;
  tokens: string[];
  sortKey: string;
  chart: string;
  phone: string;
};

/** Name words typed recently, with the name tokens each matches (cleared when names change). */
const WORD_CACHE_SIZE = 64;
/** Past this many matches, walk the list order instead of sorting the matches. */
const SORT_LIMIT = 2_000;

/** The distinct name tokens a typed word matches: the first `prefixes` start with it as typed. */
type WordMatch = { tokens: string[]; prefixes: number };

/**
 * The device's patient search: an in-memory index kept up to date one change at a time (`put`,
 * `remove`), so a keystroke never scans or sorts every record. It answers exactly as
 * `patientQuery` does (any order of names, prefixes, typos from four letters, date of birth,
 * phone digits, chart-number prefix; merged-away charts left out).
 *
 * - Names: each distinct folded name token points at the patients carrying it. A typed word is
 *   matched against the distinct tokens (a few thousand even for 100,000 patients: sorted, so a
 *   prefix is a binary search; typos are checked token by token), and the rarest word's patients
 *   are then checked for the other words.
 * - Date of birth: a map from the date to its patients.
 * - Phone digits and chart numbers: one tight pass over compact strings.
 * - List order (family, given name, id; folded, compared by code point) is kept as an array and
 *   patched per change, so the first page of a large match comes from a walk, not a sort.
 */
export class PatientSearchIndex<T extends SearchablePatient = SearchablePatient> {
  private readonly slots = new Map<string, number>();
  private readonly entries: (Entry<T> | undefined)[] = [];
  private readonly tokens = new Map<string, Set<number>>();
  private readonly births = new Map<string, Set<number>>();
  private sortedTokens: string[] | null = null;
  private order: number[] | null = null;
  /** Slots with a chart number, by chart key: a typed prefix is a binary search. */
  private charts: number[] | null = null;
  /** Scratch flags per slot, always cleared after use. */
  private marks = new Uint8Array(1024);
  private readonly wordCache = new Map<string, WordMatch>();
  private readonly free: number[] = [];
  private live = 0;

  /** Patients that can be found (merged-away charts are not counted). */
  get size(): number {
    return this.live;
  }

  /** Adds a patient or replaces the indexed copy of it. */
  put(patient: T): void {
    this.remove(patient.id);
    const slot = this.insert(patient);
    if (slot === undefined) return;
    const { sortKey, chart } = this.entries[slot]!;
    if (this.order) this.order.splice(this.orderPosition(sortKey), 0, slot);
    if (this.charts && chart) this.charts.splice(this.chartPosition(chart, slot), 0, slot);
  }

  /**
   * Adds or replaces many patients at once (a device reading its patients page by page): the
   * list order is merged once per call instead of patched per patient, so reading 100,000
   * patients in pages costs about one sort, not one array shift per patient.
   */
  putMany(patients: Iterable<T>): void {
    const { order, charts } = this;
    this.order = null;
    this.charts = null;
    // Slots that leave the old orders: replaced or removed patients (a slot may be reused for
    // a patient added now, which then comes back in with the added ones).
    const gone = new Set<number>();
    const added = new Set<number>();
    for (const patient of patients) {
      const old = this.slots.get(patient.id);
      if (old !== undefined) {
        this.remove(patient.id);
        gone.add(old);
        added.delete(old);
      }
      const slot = this.insert(patient);
      if (slot !== undefined) added.add(slot);
    }
    if (order) {
      const fresh = [...added].sort((a, b) => compareKeys(this.entries[a]!, this.entries[b]!));
      this.order = mergeSorted(
        gone.size ? order.filter((slot) => !gone.has(slot)) : order,
        fresh,
        (a, b) => compareKeys(this.entries[a]!, this.entries[b]!),
      );
    }
    if (charts) {
      const byChart = (a: number, b: number) => this.compareCharts(a, this.entries[b]!.chart, b);
      const fresh = [...added].filter((slot) => this.entries[slot]!.chart).sort(byChart);
      this.charts = mergeSorted(
        gone.size ? charts.filter((slot) => !gone.has(slot)) : charts,
        fresh,
        byChart,
      );
    }
  }

  /** Indexes a patient not in the index, except in the list and chart orders; its slot. */
  private insert(patient: T): number | undefined {
    if (patient.mergedInto) return undefined;
    const tokens = [...new Set(nameTokens(patient).filter(Boolean))];
    const entry: Entry<T> = {
      patient,
      tokens,
      sortKey: `${foldName(patient.familyName)}\u0001${foldName(patient.givenName)}\u0001${patient.id}`,
      chart: patient.chartNumber ? chartKey(patient.chartNumber) : '',
      phone: phoneDigits(patient),
    };
    // Slots of removed patients are reused, so edits never grow the tables.
    const slot = this.free.pop() ?? this.entries.length;
    this.entries[slot] = entry;
    this.slots.set(patient.id, slot);
    this.live++;
    for (const token of tokens) {
      let posting = this.tokens.get(token);
      if (!posting) {
        posting = new Set();
        this.tokens.set(token, posting);
        this.namesChanged();
      }
      posting.add(slot);
    }
    addTo(this.births, patient.dateOfBirth, slot);
    return slot;
  }

  /** Forgets a patient (deleted, or merged into another chart). */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    if (this.order) this.order.splice(this.orderPosition(entry.sortKey), 1);
    if (this.charts && entry.chart) this.charts.splice(this.chartPosition(entry.chart, slot), 1);
    this.slots.delete(id);
    this.entries[slot] = undefined;
    this.free.push(slot);
    this.live--;
    for (const token of entry.tokens) {
      const posting = this.tokens.get(token)!;
      posting.delete(slot);
      if (posting.size === 0) {
        this.tokens.delete(token);
        this.namesChanged();
      }
    }
    removeFrom(this.births, entry.patient.dateOfBirth, slot);
  }

  /** Replaces everything (a first load); cheaper than many single `put`s. */
  reset(patients: Iterable<T>): void {
    const order = this.order;
    this.order = null;
    this.charts = null;
    for (const id of [...this.slots.keys()]) this.remove(id);
    this.entries.length = 0;
    this.free.length = 0;
    for (const patient of patients) this.put(patient);
    if (order) this.sortOrder();
  }

  get(id: string): T | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.entries[slot]?.patient;
  }

  /**
   * What the search box shows for `text`: the total and the first `limit`. Patients whose names
   * match every typed word as typed (a prefix, no typo) come first, so "rath" lists the Raths
   * before the Roths and Raths one letter away; within each group, list order.
   */
  search(text: string, limit = 100): SearchResult<T> {
    const query = parsePatientQuery(text);
    const order = this.order ?? this.sortOrder();
    if (query.kind === 'all') {
      return { total: this.live, shown: order.slice(0, limit).map((slot) => this.at(slot)) };
    }
    const matches = this.matching(query);
    const typed = query.kind === 'names' ? this.typedAsIs([...new Set(query.words)]) : null;
    const rank = (slot: number) => (typed === null || typed(slot) ? 0 : 1);
    let slots: number[];
    if (matches.length <= SORT_LIMIT) {
      slots = matches.sort(
        (a, b) => rank(a) - rank(b) || compareKeys(this.entries[a]!, this.entries[b]!),
      );
    } else {
      const marks = this.markAll(matches);
      slots = [];
      for (const wanted of typed === null ? [0] : [0, 1]) {
        for (const slot of order) {
          if (slots.length === limit) break;
          if (marks[slot] && rank(slot) === wanted) slots.push(slot);
        }
      }
      for (const slot of matches) marks[slot] = 0;
    }
    // Someone who typed a whole chart number wants that chart on top.
    const exact =
      query.kind === 'number'
        ? matches.find((slot) => this.entries[slot]!.chart === query.chart)
        : undefined;
    if (exact !== undefined) slots = [exact, ...slots.filter((slot) => slot !== exact)];
    return { total: matches.length, shown: slots.slice(0, limit).map((slot) => this.at(slot)) };
  }

  /**
   * The first `limit` patients of the list whose folded family name sorts before `bound`: the
   * part of a list still being filled that is final (see `listSettledBelow`).
   */
  listedBefore(bound: string, limit: number): T[] {
    const order = this.order ?? this.sortOrder();
    const shown: T[] = [];
    for (const slot of order) {
      if (shown.length >= limit || this.entries[slot]!.sortKey >= bound) break;
      shown.push(this.at(slot));
    }
    return shown;
  }

  /**
   * Whether a patient's names start with every typed word exactly (no typo needed), or null when
   * no word is long enough for typos, so every match is as typed.
   */
  private typedAsIs(words: string[]): ((slot: number) => boolean) | null {
    if (words.every((word) => word.length < 4)) return null;
    const prefixes = words.map((word) => {
      const { tokens, prefixes: count } = this.tokensMatching(word);
      return new Set(tokens.slice(0, count));
    });
    return (slot) => {
      const { tokens } = this.entries[slot]!;
      return prefixes.every((set) => tokens.some((name) => set.has(name)));
    };
  }

  private at(slot: number): T {
    return this.entries[slot]!.patient;
  }

  private matching(query: Exclude<ParsedQuery, { kind: 'all' }>): number[] {
    switch (query.kind) {
      case 'date-of-birth':
        return [...(this.births.get(query.dateOfBirth) ?? [])];
      case 'number':
        return this.matchingNumber(query.chart, query.phoneDigits);
      case 'names':
        return this.matchingNames([...new Set(query.words)]);
    }
  }

  private matchingNumber(chart: string, phoneDigits: string | null): number[] {
    const charts = this.charts ?? this.sortCharts();
    const found: number[] = [];
    for (let i = this.chartPosition(chart, -1); i < charts.length; i++) {
      const slot = charts[i]!;
      if (!this.entries[slot]!.chart.startsWith(chart)) break;
      found.push(slot);
    }
    if (phoneDigits === null) return found;
    const marks = this.markAll(found);
    const { entries } = this;
    for (let slot = 0; slot < entries.length; slot++) {
      const entry = entries[slot];
      if (entry && !marks[slot] && entry.phone.includes(phoneDigits)) found.push(slot);
    }
    for (const slot of found) marks[slot] = 0;
    return found;
  }

  /** Flags the given slots in the scratch array (the caller clears them). */
  private markAll(slots: number[]): Uint8Array {
    if (this.marks.length < this.entries.length) {
      this.marks = new Uint8Array(Math.max(this.entries.length, this.marks.length * 2));
    }
    for (const slot of slots) this.marks[slot] = 1;
    return this.marks;
  }

  private matchingNames(words: string[]): number[] {
    const perWord = words.map((word) => {
      const { tokens } = this.tokensMatching(word);
      let count = 0;
      for (const token of tokens) count += this.tokens.get(token)!.size;
      return { tokens, count };
    });
    perWord.sort((a, b) => a.count - b.count);
    const [rarest, ...others] = perWord;
    if (!rarest) return [];
    const otherSets = others.map((word) => new Set(word.tokens));
    const found: number[] = [];
    const seen = this.markAll([]);
    for (const token of rarest.tokens) {
      for (const slot of this.tokens.get(token)!) {
        if (seen[slot]) continue;
        seen[slot] = 1;
        const { tokens } = this.entries[slot]!;
        if (otherSets.every((set) => tokens.some((name) => set.has(name)))) found.push(slot);
      }
    }
    for (const token of rarest.tokens) for (const slot of this.tokens.get(token)!) seen[slot] = 0;
    return found;
  }

  /** The distinct name tokens a typed word matches (prefix, or typos from four letters). */
  private tokensMatching(word: string): WordMatch {
    const cached = this.wordCache.get(word);
    if (cached) return cached;
    const sorted = (this.sortedTokens ??= [...this.tokens.keys()].sort());
    const found: string[] = [];
    // Prefix matches sit together in sorted order.
    let i = lowerBound(sorted, word);
    for (; i < sorted.length && sorted[i]!.startsWith(word); i++) found.push(sorted[i]!);
    const prefixes = found.length;
    if (word.length >= 4) {
      for (const name of sorted) {
        // Cheap length test first: a name far shorter than the word is too many typos away.
        if (name.length + 2 < word.length || name.startsWith(word)) continue;
        if (nameMatches(name, word)) found.push(name);
      }
    }
    if (this.wordCache.size >= WORD_CACHE_SIZE) {
      this.wordCache.delete(this.wordCache.keys().next().value!);
    }
    const match = { tokens: found, prefixes };
    this.wordCache.set(word, match);
    return match;
  }

  private namesChanged(): void {
    this.sortedTokens = null;
    this.wordCache.clear();
  }

  private sortOrder(): number[] {
    const order: number[] = [];
    this.entries.forEach((entry, slot) => {
      if (entry) order.push(slot);
    });
    order.sort((a, b) => compareKeys(this.entries[a]!, this.entries[b]!));
    this.order = order;
    return order;
  }

  private sortCharts(): number[] {
    const charts: number[] = [];
    this.entries.forEach((entry, slot) => {
      if (entry?.chart) charts.push(slot);
    });
    charts.sort((a, b) => this.compareCharts(a, this.entries[b]!.chart, b));
    this.charts = charts;
    return charts;
  }

  private compareCharts(slot: number, chart: string, other: number): number {
    const own = this.entries[slot]!.chart;
    return own < chart ? -1 : own > chart ? 1 : slot - other;
  }

  /** Where a chart key (and slot, to tell equal keys apart) sits in the chart order. */
  private chartPosition(chart: string, slot: number): number {
    const charts = this.charts!;
    let low = 0;
    let high = charts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compareCharts(charts[mid]!, chart, slot) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Where `sortKey` sits (or would sit) in the list order. */
  private orderPosition(sortKey: string): number {
    const order = this.order!;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[order[mid]!]!.sortKey < sortKey) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function compareKeys(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** One sorted array from two sorted arrays. */
function mergeSorted(a: number[], b: number[], compare: (x: number, y: number) => number) {
  if (b.length === 0) return a;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function addTo(map: Map<string, Set<number>>, key: string, slot: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(slot);
}

function removeFrom(map: Map<string, Set<number>>, key: string, slot: number): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(slot);
  if (set.size === 0) map.delete(key);
}
