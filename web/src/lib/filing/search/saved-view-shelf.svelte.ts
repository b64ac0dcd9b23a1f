import type { Subscription } from 'rxjs';
import { nowIso } from '../../clock.ts';
import type { LocalDatabase, SavedView } from '../../db/local-db.ts';
import { newId } from '../../session/device.ts';
import { deleteView, observeSavedViews, restoreView, saveView } from './saved-views.ts';
import type { SearchState } from './search-query.ts';

/** The same words, filters and order (what "this view is applied" means on screen). */
export function sameState(a: SearchState, b: SearchState): boolean {
  return (
    a.text.trim() === b.text.trim() &&
    a.sort === b.sort &&
    JSON.stringify(canonical(a.filters)) === JSON.stringify(canonical(b.filters))
  );
}

function canonical(filters: SearchState['filters']): [string, unknown][] {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The saved views of the documents list: the signed-in person's named searches on this device
 * (saved-views.ts says why not synced), kept current from any tab; saving under a name (a
 * name missing, too long or taken is refused in words and nothing is saved), and deleting with
 * an undo.
 */
export class SavedViewShelf {
  readonly #local: LocalDatabase;
  readonly #subscription: Subscription;

  // Raw: a view goes back to IndexedDB as it came (a proxy cannot be stored).
  views = $state.raw<SavedView[]>([]);
  loaded = $state(false);
  /** The name being typed in "Save this view". */
  name = $state('');
  naming = $state(false);
  error = $state<string | null>(null);
  /** The view just deleted, until undone or another is deleted. */
  deleted = $state.raw<SavedView | null>(null);
  /** The view just saved (for the notice). */
  saved = $state.raw<SavedView | null>(null);

  constructor(local: LocalDatabase) {
    this.#local = local;
    this.#subscription = observeSavedViews(local).subscribe((views) => {
      this.views = views;
      this.loaded = true;
    });
  }

  /** The saved view the search now shows exactly, if any. */
  applied(state: SearchState): SavedView | undefined {
    return this.views.find((view) =>
      sameState({ text: view.text, filters: view.filters, sort: view.sort }, state),
    );
  }

  startNaming(): void {
    this.naming = true;
    this.error = null;
    this.saved = null;
  }

  cancelNaming(): void {
    this.naming = false;
    this.name = '';
    this.error = null;
  }

  async save(state: SearchState): Promise<boolean> {
    const result = await saveView(this.#local, this.name, state, { id: newId(), now: nowIso() });
    if (!result.ok) {
      this.error = result.error.message;
      return false;
    }
    this.saved = result.value;
    this.deleted = null;
    this.cancelNaming();
    return true;
  }

  async remove(view: SavedView): Promise<void> {
    await deleteView(this.#local, view.id);
    this.deleted = view;
    this.saved = null;
  }

  /** Puts the view just deleted back, as it was. */
  async undo(): Promise<void> {
    const view = this.deleted;
    if (!view) return;
    this.deleted = null;
    const restored = await restoreView(this.#local, view);
    if (!restored.ok) this.error = restored.error.message;
  }

  dispose(): void {
    this.#subscription.unsubscribe();
  }
}
