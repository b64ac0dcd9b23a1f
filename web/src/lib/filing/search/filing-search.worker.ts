import { FilingSearchIndex } from './filing-search-index.ts';
import { answerRequest, type EngineReply, type EngineRequest } from './search-engine.ts';

/** The worker's side of `WorkerSearchEngine`: one index, changes and searches in arrival order. */
type WorkerScope = {
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
  postMessage(reply: EngineReply): void;
};

// The web project's types are the window's (lib "DOM"); this module only ever runs as a worker.
const scope = globalThis as unknown as WorkerScope;
const index = new FilingSearchIndex();

scope.addEventListener('message', (event) => {
  const reply = answerRequest(index, event.data);
  if (reply) scope.postMessage(reply);
});
