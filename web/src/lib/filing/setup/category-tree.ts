import { ROLE_LABELS, type Role } from '@clinicdesk/shared/auth/roles.ts';
import { categoryReaders } from '@clinicdesk/shared/filing/category-readers.ts';
import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import { FILING_READERS } from '@clinicdesk/shared/filing/filing-scope.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';

/**
 * The category tree as the setup screen shows and changes it: nesting, order among siblings,
 * where a category may move, and who reads it. Pure: the screen's reader and the actions both
 * ask it, so what the screen offers and what an action writes never disagree.
 */
export interface TreeNode {
  category: Category;
  depth: number;
  children: TreeNode[];
}

export type CategoriesById = ReadonlyMap<string, Category>;

/** Records by id: a lookup table made once per answer, never changed after. */
export function indexById<T extends { id: string }>(records: readonly T[]): ReadonlyMap<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/** Smaller `order` first, then by name, so two devices that both added a sibling agree. */
export function bySiblingOrder(a: Category, b: Category): number {
  return (
    (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The tree, top level first. A category whose parent is not on the device (or that sits in a
 * loop someone made on two tablets at once) is shown at the top, so that nothing stored is
 * out of reach of the screen that mends it.
 */
export function buildCategoryTree(categories: readonly Category[]): TreeNode[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const children = new Map<string | undefined, Category[]>();
  for (const category of categories) {
    const parent =
      category.parentId !== undefined && byId.has(category.parentId) && !inLoop(category, byId)
        ? category.parentId
        : undefined;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  const grow = (parentId: string | undefined, depth: number): TreeNode[] =>
    (children.get(parentId) ?? [])
      .sort(bySiblingOrder)
      .map((category) => ({ category, depth, children: grow(category.id, depth + 1) }));
  return grow(undefined, 0);
}

function inLoop(category: Category, byId: CategoriesById): boolean {
  const seen = new Set<string>([category.id]);
  let parentId = category.parentId;
  while (parentId !== undefined) {
    if (seen.has(parentId)) return true;
    seen.add(parentId);
    parentId = byId.get(parentId)?.parentId;
  }
  return false;
}

/** The tree as rows in reading order (what a keyboard walks through). */
export function flattenTree(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Ids of every category below this one. */
export function descendantIds(id: string, categories: readonly Category[]): Set<string> {
  const below = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next = categories
      .filter((c) => c.parentId !== undefined && frontier.includes(c.parentId) && !below.has(c.id))
      .map((c) => c.id);
    next.forEach((childId) => below.add(childId));
    frontier = next;
  }
  below.delete(id);
  return below;
}

/** "Clinical › Outside records › Labs". */
export function categoryPathName(id: string, byId: CategoriesById): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId !== undefined ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}

export type TreeError = {
  code: 'move-under-itself' | 'move-under-descendant' | 'name-taken';
  message: string;
};

/** A category never moves under itself or under one of its own subcategories. */
export function checkMove(
  id: string,
  newParentId: string | undefined,
  categories: readonly Category[],
): Result<true, TreeError> {
  if (newParentId === undefined) return ok(true);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const name = byId.get(id)?.name ?? 'This category';
  if (newParentId === id)
    return fail({ code: 'move-under-itself', message: `“${name}” cannot go under itself` });
  if (descendantIds(id, categories).has(newParentId))
    return fail({
      code: 'move-under-descendant',
      message: `“${name}” cannot go under “${byId.get(newParentId)?.name ?? 'it'}”, which is inside it`,
    });
  return ok(true);
}

/** Where a category may move: anywhere but itself and what is inside it. */
export function moveTargets(id: string, categories: readonly Category[]): Category[] {
  const below = descendantIds(id, categories);
  return categories.filter((c) => c.id !== id && !below.has(c.id));
}

/** Two siblings with one name would be two folders no one can tell apart. */
export function checkSiblingName(
  name: string,
  parentId: string | undefined,
  categories: readonly Category[],
  exceptId?: string,
): Result<true, TreeError> {
  const wanted = name.trim().toLocaleLowerCase();
  const clash = categories.find(
    (c) =>
      c.id !== exceptId && c.parentId === parentId && c.name.trim().toLocaleLowerCase() === wanted,
  );
  return clash
    ? fail({ code: 'name-taken', message: `There is already a “${clash.name}” here` })
    : ok(true);
}

/** The next `order` for a new last sibling. */
export function nextOrder(parentId: string | undefined, categories: readonly Category[]): number {
  const orders = categories.filter((c) => c.parentId === parentId).map((c) => c.order ?? 0);
  return orders.length === 0 ? 0 : Math.max(...orders) + 1;
}

/**
 * The siblings' new `order`s after moving one up or down a place: every sibling is numbered
 * afresh (0, 1, 2…), so orders made on two tablets apart settle into one sequence again.
 * Only the siblings whose number changes are returned. Empty when it cannot move that way.
 */
export function reorderSiblings(
  id: string,
  direction: 'up' | 'down',
  categories: readonly Category[],
): { id: string; order: number }[] {
  const moving = categories.find((c) => c.id === id);
  if (!moving) return [];
  const siblings = categories.filter((c) => c.parentId === moving.parentId).sort(bySiblingOrder);
  const at = siblings.findIndex((c) => c.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= siblings.length) return [];
  const reordered = [...siblings];
  reordered.splice(at, 1);
  reordered.splice(to, 0, moving);
  return reordered.flatMap((c, order) => (c.order === order ? [] : [{ id: c.id, order }]));
}

/** A restriction set on an ancestor, which holds here whatever this category says. */
export interface InheritedRestriction {
  category: Category;
  roles: readonly Role[];
}

/** The ancestors that restrict who reads, nearest first. */
export function restrictionsAbove(id: string, byId: CategoriesById): InheritedRestriction[] {
  const above: InheritedRestriction[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    if (parent.readRoles && parent.readRoles.length > 0)
      above.push({ category: parent, roles: parent.readRoles });
    parentId = parent.parentId;
  }
  return above;
}

/** "Clinician, Office manager". */
export function roleList(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}

/** Who reads documents filed here, now, with every restriction above included. */
export function readersOf(id: string, byId: CategoriesById): readonly Role[] {
  return categoryReaders(id, byId, FILING_READERS);
}

/**
 * The roles that would stop reading this category's documents (and those below it) if its own
 * list became `readRoles`: their devices drop those documents at the next sync.
 */
export function rolesLosingAccess(
  id: string,
  readRoles: readonly Role[] | undefined,
  byId: CategoriesById,
): Role[] {
  const current = byId.get(id);
  if (!current) return [];
  const before = readersOf(id, byId);
  const changed = new Map(byId);
  changed.set(id, { ...current, readRoles: readRoles ? [...readRoles] : undefined });
  const after = readersOf(id, changed);
  return before.filter((role) => !after.includes(role));
}
