import { FilingSearchIndex } from './filing-search-index.ts';
import type { SearchAnswer, SearchQuery } from './search-query.ts';
import type { SearchSetup, SearchSource } from './search-source.ts';

/** Changes to the index, applied in the order they are sent. */
export type IndexChange = {
  put?: readonly SearchSource[];
  remove?: readonly string[];
  putSetup?: readonly SearchSetup[];
  removeSetup?: readonly string[];
};

/** What the page sends the search worker, and what it answers. */
export type EngineRequest =
  { type: 'change'; change: IndexChange } | { type: 'search'; request: number; query: SearchQuery };
export type EngineReply = { request: number; answer: SearchAnswer };

/**
 * Where the index lives: in a worker on the device (`WorkerSearchEngine`), or in this thread
 * (`LocalSearchEngine`: tests, and browsers without module workers). A search answers after
 * every change sent before it.
 */
export interface SearchEngine {
  change(change: IndexChange): void;
  search(query: SearchQuery): Promise<SearchAnswer>;
  dispose(): void;
}

/** Setup first, so that documents put in the same change are indexed with its names. */
export function applyChange(index: FilingSearchIndex, change: IndexChange): void {
  for (const setup of change.putSetup ?? []) index.putSetup(setup);
  for (const id of change.removeSetup ?? []) index.removeSetup(id);
  for (const id of change.remove ?? []) index.remove(id);
  for (const source of change.put ?? []) index.put(source);
}

export function answerRequest(
  index: FilingSearchIndex,
  message: EngineRequest,
): EngineReply | null {
  if (message.type === 'change') {
    applyChange(index, message.change);
    return null;
  }
  return { request: message.request, answer: index.search(message.query) };
}

export class LocalSearchEngine implements SearchEngine {
  readonly index = new FilingSearchIndex();

  change(change: IndexChange): void {
    applyChange(this.index, change);
  }

  search(query: SearchQuery): Promise<SearchAnswer> {
    return Promise.resolve(this.index.search(query));
  }

  dispose(): void {}
}

/**
 * The index in a module worker: building it for thousands of documents of several pages takes
 * seconds of CPU (docs/benchmarks.md), which would freeze the desk's screen on the main thread.
 */
export class WorkerSearchEngine implements SearchEngine {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, (answer: SearchAnswer) => void>();
  #next = 0;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
      const resolve = this.#waiting.get(event.data.request);
      this.#waiting.delete(event.data.request);
      resolve?.(event.data.answer);
    });
  }

  change(change: IndexChange): void {
    this.#worker.postMessage({ type: 'change', change } satisfies EngineRequest);
  }

  search(query: SearchQuery): Promise<SearchAnswer> {
    const request = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(request, resolve);
      this.#worker.postMessage({ type: 'search', request, query } satisfies EngineRequest);
    });
  }

  dispose(): void {
    this.#worker.terminate();
    for (const resolve of this.#waiting.values())
      resolve({ total: 0, hits: [], indexed: 0, within: 0 });
    this.#waiting.clear();
  }
}
