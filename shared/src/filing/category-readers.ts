import type { Role } from '../auth/roles.ts';
import type { StoredDocument } from '../registry/partition.ts';

/** What the rule needs of a category: its parent and its own read list. */
export type CategoryAccess = {
  parentId?: string | undefined;
  readRoles?: readonly Role[] | undefined;
};

/** Deeper than any file tree a practice keeps; a longer chain is a loop or an attack. */
const MAX_DEPTH = 32;

/**
 * The roles that may read documents filed in a category: those its own `readRoles` and every
 * ancestor's allow (a restriction higher up holds below it: Clinical › Behavioral health ›
 * Therapy notes stays restricted however the leaf is set). `allReaders` (the partition's
 * readers) when nothing on the way restricts it.
 *
 * Fails closed: an unknown category, a parent that is not stored, or a loop in the tree leaves
 * only the office manager, who runs the files and can mend the tree. Never guess wider.
 */
export function categoryReaders(
  categoryId: string,
  categories: ReadonlyMap<string, StoredDocument>,
  allReaders: readonly Role[],
): readonly Role[] {
  let readers: readonly Role[] = allReaders;
  const seen = new Set<string>();
  let id: string | undefined = categoryId;
  while (id !== undefined) {
    const category = categories.get(id) as CategoryAccess | undefined;
    if (!category || seen.has(id) || seen.size >= MAX_DEPTH || isDeleted(category))
      return OFFICE_MANAGER_ONLY;
    seen.add(id);
    const own = category.readRoles;
    if (own && own.length > 0) readers = readers.filter((role) => own.includes(role));
    id = category.parentId;
  }
  return readers;
}

const OFFICE_MANAGER_ONLY: readonly Role[] = ['office-manager'];

function isDeleted(category: CategoryAccess): boolean {
  return (category as { _deleted?: unknown })._deleted === true;
}

/** The ancestors' and its own ids, nearest first, or null when the chain is broken or loops. */
export function categoryPath(
  categoryId: string,
  categories: ReadonlyMap<string, StoredDocument>,
): string[] | null {
  const path: string[] = [];
  let id: string | undefined = categoryId;
  while (id !== undefined) {
    const category = categories.get(id) as CategoryAccess | undefined;
    if (!category || path.includes(id) || path.length >= MAX_DEPTH) return null;
    path.push(id);
    id = category.parentId;
  }
  return path;
}
