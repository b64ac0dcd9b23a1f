import { FilingSearchIndex } from '../../web/src/lib/filing/search/filing-search-index.ts';
import type { SearchQuery } from '../../web/src/lib/filing/search/search-query.ts';
import { BenchCorpus, type BenchDocument } from './filing-search-corpus.ts';

/**
 * The filing search benchmark's page side, bundled into one script: the device's own index
 * (the module its worker runs), fed the seeded corpus the Node side gives SQLite FTS5.
 */
let corpus: BenchDocument[] | null = null;
let index: FilingSearchIndex | null = null;

function prepare(input: { seed: number; count: number }): { words: number } {
  corpus = new BenchCorpus(input.seed).documents(input.count);
  return { words: corpus.reduce((sum, doc) => sum + doc.pages.join(' ').split(' ').length, 0) };
}

/** Builds the index from the corpus, then lets the corpus go: the index keeps what it needs. */
function build(): { ms: number; size: number } {
  const documents = corpus ?? [];
  const started = performance.now();
  index = new FilingSearchIndex();
  for (const doc of documents)
    index.put({
      id: doc.id,
      title: doc.title,
      fields: {},
      pages: doc.pages,
      tagIds: [],
      date: '2026-03-02',
      dated: true,
      trashed: false,
      filed: true,
    });
  const ms = performance.now() - started;
  corpus = null;
  return { ms, size: index.size };
}

/** Each typed query as the screen asks it: all words, top 20 with places and snippets. */
function search(input: { queries: string[]; warmup: number }): { ms: number[]; found: number } {
  const ask = (text: string) =>
    index!.search({ text, filters: {}, sort: 'relevance', limit: 20 } satisfies SearchQuery);
  for (const text of input.queries.slice(0, input.warmup)) ask(text);
  const ms: number[] = [];
  let found = 0;
  for (const text of input.queries) {
    const started = performance.now();
    const answer = ask(text);
    ms.push(performance.now() - started);
    if (answer.total > 0) found++;
  }
  return { ms, found };
}

export const filingSearchBench = { prepare, build, search };
export type FilingSearchBench = typeof filingSearchBench;
