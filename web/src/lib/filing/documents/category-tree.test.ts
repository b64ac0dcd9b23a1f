import { describe, expect, it } from 'vitest';
import {
  categoryAndBelow,
  categoryLabel,
  categoryOptions,
  type CategoryNode,
} from './category-tree.ts';

const tree: CategoryNode[] = [
  { id: 'labs', name: 'Labs', parentId: 'outside' },
  { id: 'clinical', name: 'Clinical', order: 1 },
  { id: 'outside', name: 'Outside records', parentId: 'clinical' },
  { id: 'practice', name: 'Practice', order: 2 },
  { id: 'contracts', name: 'Contracts', parentId: 'practice', archived: true },
  { id: 'orphan', name: 'Old scans', parentId: 'gone' },
];
const byId = new Map(tree.map((c) => [c.id, c]));

describe('category tree', () => {
  it('names a category by its whole path', () => {
    expect(categoryLabel('labs', byId)).toBe('Clinical › Outside records › Labs');
    expect(categoryLabel(undefined, byId)).toBe('No category');
    expect(categoryLabel('unknown', byId)).toBe('A category not on this device');
  });

  it('names what it knows of a category whose parent is not on the device', () => {
    expect(categoryLabel('orphan', byId)).toBe('Old scans');
  });

  it('survives a loop in the tree', () => {
    const loop = new Map<string, CategoryNode>([
      ['a', { id: 'a', name: 'A', parentId: 'b' }],
      ['b', { id: 'b', name: 'B', parentId: 'a' }],
    ]);
    expect(categoryLabel('a', loop)).toBe('A');
    expect(categoryOptions([...loop.values()])).toEqual([]);
  });

  it('finds a category and everything under it', () => {
    expect([...categoryAndBelow('clinical', tree)].sort()).toEqual(['clinical', 'labs', 'outside']);
    expect([...categoryAndBelow('labs', tree)]).toEqual(['labs']);
  });

  it('lists choices in tree order, leaving archived ones out unless a document is in one', () => {
    expect(categoryOptions(tree).map((o) => o.value)).toEqual([
      'clinical',
      'outside',
      'labs',
      'practice',
      'orphan',
    ]);
    expect(categoryOptions(tree, { keep: 'contracts' }).map((o) => o.value)).toContain('contracts');
    expect(categoryOptions(tree).find((o) => o.value === 'labs')).toMatchObject({
      depth: 2,
      path: 'Clinical › Outside records › Labs',
    });
  });
});
