import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import { describe, expect, it } from 'vitest';
import {
  buildCategoryTree,
  checkMove,
  checkSiblingName,
  flattenTree,
  reorderSiblings,
  restrictionsAbove,
  rolesLosingAccess,
} from './category-tree.ts';

const AT = '2026-12-01T09:00:00.000Z';
const category = (id: string, fields: Partial<Category> = {}): Category => ({
  id,
  kind: 'category',
  name: id,
  createdAt: AT,
  updatedAt: AT,
  ...fields,
});

// Clinical › Outside records › Labs; Clinical › Referrals; Behavioral health (restricted) › Therapy
const TREE = [
  category('labs', { name: 'Labs', parentId: 'outside', order: 0 }),
  category('clinical', { name: 'Clinical', order: 0 }),
  category('referrals', { name: 'Referrals', parentId: 'clinical', order: 1 }),
  category('outside', { name: 'Outside records', parentId: 'clinical', order: 0 }),
  category('bh', { name: 'Behavioral health', order: 1, readRoles: ['clinician', 'office-manager'] }), // prettier-ignore
  category('therapy', { name: 'Therapy notes', parentId: 'bh' }),
];
const byId = new Map(TREE.map((c) => [c.id, c]));

describe('the category tree', () => {
  it('nests children under parents in sibling order', () => {
    const rows = flattenTree(buildCategoryTree(TREE)).map((n) => `${n.depth}:${n.category.name}`);
    expect(rows).toEqual([
      '0:Clinical',
      '1:Outside records',
      '2:Labs',
      '1:Referrals',
      '0:Behavioral health',
      '1:Therapy notes',
    ]);
  });

  it('shows a category whose parent is missing, or that sits in a loop, at the top', () => {
    const broken = [
      category('orphan', { parentId: 'gone' }),
      category('a', { parentId: 'b' }),
      category('b', { parentId: 'a' }),
    ];
    const top = buildCategoryTree(broken).map((n) => n.category.id);
    expect(top).toContain('orphan');
    expect(flattenTree(buildCategoryTree(broken))).toHaveLength(3);
  });

  it('refuses to move a category under itself or inside it, and allows elsewhere', () => {
    expect(checkMove('clinical', 'clinical', TREE)).toMatchObject({
      ok: false,
      error: { code: 'move-under-itself' },
    });
    const inside = checkMove('clinical', 'labs', TREE);
    expect(inside).toMatchObject({ ok: false, error: { code: 'move-under-descendant' } });
    expect(!inside.ok && inside.error.message).toBe(
      '“Clinical” cannot go under “Labs”, which is inside it',
    );
    expect(checkMove('labs', 'bh', TREE).ok).toBe(true);
    expect(checkMove('labs', undefined, TREE).ok).toBe(true);
  });

  it('refuses a second sibling of the same name, whatever its case', () => {
    expect(checkSiblingName('referrals', 'clinical', TREE).ok).toBe(false);
    expect(checkSiblingName('Referrals', 'bh', TREE).ok).toBe(true);
    expect(checkSiblingName('Referrals', 'clinical', TREE, 'referrals').ok).toBe(true);
  });

  it('renumbers siblings when one moves up, and does nothing past the end', () => {
    expect(reorderSiblings('referrals', 'up', TREE)).toEqual([
      { id: 'referrals', order: 0 },
      { id: 'outside', order: 1 },
    ]);
    expect(reorderSiblings('referrals', 'down', TREE)).toEqual([]);
  });

  it('names the restriction above and the roles a new restriction takes documents from', () => {
    expect(restrictionsAbove('therapy', byId).map((r) => r.category.name)).toEqual([
      'Behavioral health',
    ]);
    expect(rolesLosingAccess('referrals', ['clinician', 'office-manager'], byId)).toEqual([
      'front-desk',
      'billing',
    ]);
    // Below a restriction, narrowing to what is already allowed takes nothing more away.
    expect(rolesLosingAccess('therapy', ['clinician', 'office-manager'], byId)).toEqual([]);
    expect(rolesLosingAccess('bh', undefined, byId)).toEqual([]);
  });
});
