import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import { FILING_READERS } from '@clinicdesk/shared/filing/filing-scope.ts';
import { starterFilingRecords } from '@clinicdesk/shared/filing/starter-tree.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { nowIso } from '../../clock.ts';
import { newId } from '../../session/device.ts';
import { checkMove, checkSiblingName, nextOrder, reorderSiblings } from './category-tree.ts';
import {
  changeRecord,
  cleanName,
  createRecords,
  currentRecords,
  newRecordBase,
  type SetupError,
  type SetupWorkspace,
  without,
} from './setup-records.ts';

/**
 * What the office manager does to the file tree. Every change is made on this device first
 * and syncs later; the server re-announces the documents under a category whose readers
 * changed, so devices that may no longer read them drop them (ADR 15, record scopes).
 */

/** Makes the suggested tree, types, fields and tags (only into a practice with no categories). */
export async function startFromSuggestedTree(
  workspace: SetupWorkspace,
): Promise<Result<number, SetupError>> {
  if ((await currentRecords(workspace, 'category')).length > 0)
    return fail({ code: 'invalid', message: 'This practice already has categories' });
  const { user, deviceId } = workspace;
  const records = starterFilingRecords({
    newId,
    now: nowIso(),
    editor: { userId: user.id, name: user.displayName, deviceId },
  });
  // Parents first: a device that stops half way never holds a child without its parent.
  const steps = [
    () => createRecords(workspace, 'category', records.categories),
    () => createRecords(workspace, 'documentType', records.documentTypes),
    () => createRecords(workspace, 'customField', records.customFields),
    () => createRecords(workspace, 'tag', records.tags),
  ];
  for (const step of steps) {
    const made = await step();
    if (!made.ok) return made;
  }
  return ok(records.categories.length);
}

export async function addCategory(
  workspace: SetupWorkspace,
  input: { name: string; parentId?: string | undefined },
): Promise<Result<Category, SetupError>> {
  const name = cleanName(input.name);
  const categories = await currentRecords(workspace, 'category');
  const free = checkSiblingName(name, input.parentId, categories);
  if (!free.ok) return free;
  const category: Category = {
    ...newRecordBase(),
    kind: 'category',
    name,
    ...(input.parentId !== undefined && { parentId: input.parentId }),
    order: nextOrder(input.parentId, categories),
  };
  const made = await createRecords(workspace, 'category', [category]);
  return made.ok ? ok(category) : made;
}

export async function renameCategory(
  workspace: SetupWorkspace,
  id: string,
  newName: string,
): Promise<Result<Category, SetupError>> {
  const name = cleanName(newName);
  const categories = await currentRecords(workspace, 'category');
  return changeRecord(workspace, 'category', id, (current) => {
    const free = checkSiblingName(name, current.parentId, categories, id);
    return free.ok ? ok({ ...current, name }) : free;
  });
}

/** Moves a category (and everything under it) under another, or to the top (`undefined`). */
export async function moveCategory(
  workspace: SetupWorkspace,
  id: string,
  parentId: string | undefined,
): Promise<Result<Category, SetupError>> {
  const categories = await currentRecords(workspace, 'category');
  const possible = checkMove(id, parentId, categories);
  if (!possible.ok) return possible;
  return changeRecord(workspace, 'category', id, (current) => {
    if (current.parentId === parentId) return ok(current);
    const free = checkSiblingName(current.name, parentId, categories, id);
    if (!free.ok) return free;
    const moved = { ...without(current, 'parentId'), order: nextOrder(parentId, categories) };
    return ok(parentId === undefined ? moved : { ...moved, parentId });
  });
}

/** One place up or down among its siblings. */
export async function moveAmongSiblings(
  workspace: SetupWorkspace,
  id: string,
  direction: 'up' | 'down',
): Promise<Result<true, SetupError>> {
  const changes = reorderSiblings(id, direction, await currentRecords(workspace, 'category'));
  for (const { id: siblingId, order } of changes) {
    const changed = await changeRecord(workspace, 'category', siblingId, (current) =>
      ok({ ...current, order }),
    );
    if (!changed.ok) return changed;
  }
  return ok(true);
}

/** An archived category is offered for no new document; what is filed in it stays. */
export function setCategoryArchived(
  workspace: SetupWorkspace,
  id: string,
  archived: boolean,
): Promise<Result<Category, SetupError>> {
  return changeRecord(workspace, 'category', id, (current) =>
    ok(archived ? { ...current, archived: true } : without(current, 'archived')),
  );
}

/**
 * Who may read what is filed here: `undefined` (or every filing role) removes the category's
 * own restriction, leaving whatever holds above it. The office manager, who runs the files,
 * stays on every list.
 */
export function setCategoryReaders(
  workspace: SetupWorkspace,
  id: string,
  roles: readonly Role[] | undefined,
): Promise<Result<Category, SetupError>> {
  const chosen = roles && FILING_READERS.filter((role) => roles.includes(role));
  const open = !chosen || FILING_READERS.every((role) => chosen.includes(role));
  return changeRecord(workspace, 'category', id, (current) => {
    if (open) return ok(without(current, 'readRoles'));
    const readRoles = chosen.includes('office-manager') ? chosen : [...chosen, 'office-manager'];
    return ok({ ...current, readRoles: FILING_READERS.filter((role) => readRoles.includes(role)) });
  });
}

export function setCategoryDescription(
  workspace: SetupWorkspace,
  id: string,
  description: string,
): Promise<Result<Category, SetupError>> {
  const text = description.trim();
  return changeRecord(workspace, 'category', id, (current) =>
    ok(text === '' ? without(current, 'description') : { ...current, description: text }),
  );
}
