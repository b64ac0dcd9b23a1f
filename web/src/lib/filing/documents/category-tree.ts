import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';

/** What the screens need of a category to place it in the tree. */
export type CategoryNode = Pick<Category, 'id' | 'name' | 'parentId' | 'order' | 'archived'>;

/** Deeper than any practice's file tree; a longer chain is a loop. */
const MAX_DEPTH = 32;

/** A list by id, made anew each time the list changes (a reader's lookup, never mutated). */
export function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

/** The separator staff read between a category and its parent: "Clinical › Outside records". */
export const PATH_SEPARATOR = ' › ';

/**
 * The categories from the top of the tree down to `id` (root first), or null when the chain
 * is broken (a parent not on this device) or loops.
 */
export function categoryTrail<C extends CategoryNode>(
  id: string,
  byId: ReadonlyMap<string, C>,
): C[] | null {
  const trail: C[] = [];
  let at: string | undefined = id;
  while (at !== undefined) {
    const category = byId.get(at);
    if (!category || trail.includes(category) || trail.length >= MAX_DEPTH) return null;
    trail.unshift(category);
    at = category.parentId;
  }
  return trail;
}

/** "Clinical › Outside records › Labs"; what is known of a broken chain, or a plain word. */
export function categoryLabel(
  id: string | undefined,
  byId: ReadonlyMap<string, CategoryNode>,
): string {
  if (id === undefined) return 'No category';
  const trail = categoryTrail(id, byId);
  if (trail) return trail.map((category) => category.name).join(PATH_SEPARATOR);
  return byId.get(id)?.name ?? 'A category not on this device';
}

/** The category and every category under it (a filter by "Clinical" finds "Clinical › Labs"). */
export function categoryAndBelow(
  id: string,
  categories: readonly CategoryNode[],
): ReadonlySet<string> {
  const children = childrenByParent(categories);
  const found = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (found.has(child.id)) continue;
      found.add(child.id);
      queue.push(child.id);
    }
  }
  return found;
}

/** A category as a choice in a list: its name indented under its parent, its whole path. */
export type CategoryOption = { value: string; label: string; path: string; depth: number };

/**
 * Every category in tree order (siblings by their `order`, then name), for a select: archived
 * ones only when asked for (a document already filed in one keeps showing it, `keep`).
 * Categories whose parent is missing are listed at the top level, so none is ever hidden.
 */
export function categoryOptions(
  categories: readonly CategoryNode[],
  options: { keep?: string | undefined; includeArchived?: boolean } = {},
): CategoryOption[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const children = childrenByParent(categories);
  const roots = categories.filter(
    (category) => category.parentId === undefined || !byId.has(category.parentId),
  );
  const shown: CategoryOption[] = [];
  const seen = new Set<string>();
  const visit = (category: CategoryNode, depth: number) => {
    if (seen.has(category.id) || depth >= MAX_DEPTH) return;
    seen.add(category.id);
    if (!category.archived || options.includeArchived || category.id === options.keep)
      shown.push({
        value: category.id,
        label: `${'\u2003'.repeat(depth)}${category.name}`,
        path: categoryLabel(category.id, byId),
        depth,
      });
    for (const child of sorted(children.get(category.id) ?? [])) visit(child, depth + 1);
  };
  for (const root of sorted(roots)) visit(root, 0);
  return shown;
}

function childrenByParent(categories: readonly CategoryNode[]): Map<string, CategoryNode[]> {
  const children = new Map<string, CategoryNode[]>();
  for (const category of categories) {
    if (category.parentId === undefined) continue;
    children.set(category.parentId, [...(children.get(category.parentId) ?? []), category]);
  }
  return children;
}

function sorted(categories: readonly CategoryNode[]): CategoryNode[] {
  return [...categories].sort(
    (a, b) =>
      (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
