import { categoryPath } from '@clinicdesk/shared/filing/category-readers.ts';
import type { ChangeBus } from './change-bus.ts';
import type { Store } from '../storage/store.ts';

/**
 * After categories were written: the documents filed in them or below them are announced again,
 * unchanged, so that every device pulls them once more under the categories' new read roles —
 * a device whose user may no longer read one is sent its withdrawal and drops it, and one whose
 * user now may receives it whole (issue 12.6). A rename re-sends them too, which costs a pull
 * and nothing else.
 */
export function reannounceFiledUnder(deps: { store: Store; bus: ChangeBus }) {
  return async (categoryIds: string[]): Promise<void> => {
    const changed = new Set(categoryIds);
    const categories = new Map(
      (await deps.store.currentOfKinds('filing', ['category'])).map((doc) => [doc.id, doc]),
    );
    const documents = await deps.store.currentOfKinds('filing', ['filedDocument']);
    const affected = documents
      .filter((doc) => {
        if (typeof doc.categoryId !== 'string') return false;
        // A broken chain (a parent not stored) is re-sent too: its scope just narrowed.
        const path = categoryPath(doc.categoryId, categories);
        return path === null || path.some((id) => changed.has(id));
      })
      .map((doc) => doc.id);
    const seq = await deps.store.reannounce('filing', affected);
    if (seq > 0) await deps.bus.publish({ collection: 'filing', seq });
  };
}
