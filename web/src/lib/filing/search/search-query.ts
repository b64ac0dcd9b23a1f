/**
 * What a filing search asks and answers: words and filters in, documents out, each with where
 * the words were found. Plain data, so it crosses to the search worker and into saved views.
 */

/** Narrowing a search; every filter given must hold. */
export type SearchFilters = {
  patientId?: string;
  /** The category or any category under it (Clinical finds Clinical › Outside records › Labs). */
  categoryId?: string;
  documentTypeId?: string;
  /** Documents carrying every one of these tags. */
  tagIds?: readonly string[];
  correspondentId?: string;
  /** Document dates, inclusive (YYYY-MM-DD); an undated document counts by the day it was made. */
  dateFrom?: string;
  dateTo?: string;
  /** Documents in the trash are left out unless asked for. */
  includeTrashed?: boolean;
  /** Only filed documents, or only those waiting in the inbox; both when absent. */
  filing?: 'filed' | 'unfiled';
};

/** Best match first, or by document date. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

export type SearchQuery = {
  /** What staff typed: every word must be found (as typed, as the start of a word, or one typo off). */
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** Results wanted from `offset` on (the answer's `total` counts all of them). */
  limit: number;
  offset?: number;
};

/** Where in a document its words were found. Pages count from 1, as staff read them. */
export type MatchPlace =
  | { field: 'title' | 'notes' | 'correspondent' | 'category' | 'documentType' }
  | { field: 'tag'; tagId: string }
  | { field: 'customField'; fieldId: string }
  | { field: 'page'; page: number };

/**
 * A short piece of the text around the words found. `marks` are [start, end) ranges of `text`
 * to show marked; `cutBefore`/`cutAfter` say the text goes on (the screen shows "…").
 */
export type Snippet = {
  text: string;
  marks: readonly (readonly [number, number])[];
  cutBefore: boolean;
  cutAfter: boolean;
};

export type SearchMatch = { place: MatchPlace; snippet: Snippet };

export type SearchHit = {
  id: string;
  title: string;
  documentDate?: string;
  /** The day the document is dated by (its document date, else the day it was made). */
  date: string;
  /** What a results list shows of the document beside its title (ids, named by the screen). */
  patientId?: string;
  categoryId?: string;
  documentTypeId?: string;
  correspondentId?: string;
  tagIds: readonly string[];
  score: number;
  /** The places found, in reading order (title, the record's fields, then pages), at most a few. */
  matches: SearchMatch[];
  /** Every page the words are on (some may have no snippet in `matches`). */
  pages: number[];
};

export type SearchAnswer = {
  /** Every document that matches (more than `hits` when a limit cut them). */
  total: number;
  hits: SearchHit[];
  /** Documents the index holds, so a screen can say "searched 2,314 documents". */
  indexed: number;
  /**
   * Documents the query's trash and inbox filters admit, whatever the words and other filters:
   * what "12 of 2,000 documents" counts (the trash and the inbox are other screens).
   */
  within: number;
};

/** What a saved view restores: the words, filters and order of a search. */
export type SearchState = { text: string; filters: SearchFilters; sort: SearchSort };

export const NO_FILTERS: SearchFilters = {};
