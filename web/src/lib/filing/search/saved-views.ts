import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { liveQuery } from 'dexie';
import { from, type Observable } from 'rxjs';
import type { LocalDatabase, SavedView } from '../../db/local-db.ts';
import type { SearchState } from './search-query.ts';

/**
 * Saved filing searches: a name, the words and filters and order, kept on this device in the
 * signed-in person's own local database (never synced: one person's "my unsigned referrals" is
 * no one else's list). Listed by name.
 */

export type SavedViewError =
  | { code: 'view-name-missing'; message: string }
  | { code: 'view-name-too-long'; message: string }
  | { code: 'view-name-taken'; message: string }
  | { code: 'view-not-found'; message: string };

const NAME_MAX = 80;

async function checkName(
  local: LocalDatabase,
  name: string,
  except: string | null,
): Promise<Result<string, SavedViewError>> {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) return fail({ code: 'view-name-missing', message: 'Give the view a name.' });
  if (trimmed.length > NAME_MAX)
    return fail({
      code: 'view-name-too-long',
      message: `A view's name has at most ${NAME_MAX} characters.`,
    });
  const folded = trimmed.toLocaleLowerCase();
  const taken = await local.savedViews
    .filter((view) => view.id !== except && view.name.toLocaleLowerCase() === folded)
    .count();
  if (taken > 0)
    return fail({
      code: 'view-name-taken',
      message: `There is a view named “${trimmed}” already.`,
    });
  return ok(trimmed);
}

export async function listSavedViews(local: LocalDatabase): Promise<SavedView[]> {
  const views = await local.savedViews.toArray();
  return views.sort((a, b) => a.name.localeCompare(b.name));
}

/** The saved views, by name, kept current as they are saved, renamed and deleted (any tab). */
export function observeSavedViews(local: LocalDatabase): Observable<SavedView[]> {
  return from(liveQuery(() => listSavedViews(local)));
}

/** Saves a search under a new name; `id` and `now` come from the caller (a UUID, the clock). */
export async function saveView(
  local: LocalDatabase,
  name: string,
  state: SearchState,
  made: { id: string; now: string },
): Promise<Result<SavedView, SavedViewError>> {
  const checked = await checkName(local, name, null);
  if (!checked.ok) return checked;
  const view: SavedView = {
    id: made.id,
    name: checked.value,
    text: state.text,
    filters: structuredClone(state.filters),
    sort: state.sort,
    createdAt: made.now,
    updatedAt: made.now,
  };
  await local.savedViews.add(view);
  return ok(view);
}

export async function renameView(
  local: LocalDatabase,
  id: string,
  name: string,
  now: string,
): Promise<Result<SavedView, SavedViewError>> {
  const view = await local.savedViews.get(id);
  if (!view) return fail({ code: 'view-not-found', message: 'That view is no longer saved.' });
  const checked = await checkName(local, name, id);
  if (!checked.ok) return checked;
  const renamed = { ...view, name: checked.value, updatedAt: now };
  await local.savedViews.put(renamed);
  return ok(renamed);
}

export async function deleteView(local: LocalDatabase, id: string): Promise<void> {
  await local.savedViews.delete(id);
}

/**
 * Puts back a view just deleted (the list's "Undo"), as it was; refused if its name was
 * taken meanwhile (another tab).
 */
export async function restoreView(
  local: LocalDatabase,
  view: SavedView,
): Promise<Result<SavedView, SavedViewError>> {
  const checked = await checkName(local, view.name, view.id);
  if (!checked.ok) return checked;
  await local.savedViews.put(view);
  return ok(view);
}

/** What applying a view sets on a search (`FilingSearch.apply`). */
export function stateOf(view: SavedView): SearchState {
  return { text: view.text, filters: view.filters, sort: view.sort };
}
