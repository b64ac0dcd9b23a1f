import { combineLatest, type Subscription } from 'rxjs';
import { today } from '../../clock.ts';
import { observeFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import type { PolicySearchFeed } from './policy-search-feed.ts';
import type { PolicySearchHit } from './policy-search-index.ts';

/**
 * The policy search screen's state: what was typed and the matching policies, from an index of
 * every policy on this device kept current as records sync. MiniSearch and Yjs are loaded when
 * the screen opens, never with the first screen.
 */
export class PolicySearch {
  readonly day = today();
  text = $state('');
  /** The device is still reading policy texts into the index. */
  indexing = $state(true);
  #revision = $state(0);
  #feed: PolicySearchFeed | null = null;
  #subscription: Subscription | null = null;
  #disposed = false;

  constructor(workspace: Workspace) {
    void import('./policy-search-feed.ts').then(({ PolicySearchFeed }) => {
      if (this.#disposed) return;
      const feed = new PolicySearchFeed(this.day);
      this.#feed = feed;
      this.#subscription = combineLatest([
        observeFind(workspace, 'manual', {}),
        observeFind(workspace, 'policy', {}),
        observeFind(workspace, 'policyVersion', {}),
      ]).subscribe(([manuals, policies, versions]) => {
        void feed.update(manuals, policies, versions).then(() => {
          this.indexing = false;
          this.#revision++;
        });
      });
    });
  }

  /** How many policies can be searched on this device. */
  get size(): number {
    void this.#revision;
    return this.#feed?.index.size ?? 0;
  }

  readonly hits = $derived.by((): PolicySearchHit[] => {
    void this.#revision;
    return this.#feed?.index.search(this.text) ?? [];
  });

  dispose(): void {
    this.#disposed = true;
    this.#subscription?.unsubscribe();
  }
}
