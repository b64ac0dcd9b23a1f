import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../registry/partition.ts';
import { categoryPath, categoryReaders } from './category-readers.ts';
import { FILING_READERS } from './filing-scope.ts';

const tree = (entries: Record<string, StoredDocument>) => new Map(Object.entries(entries));

const CATEGORIES = tree({
  clinical: { id: 'clinical', name: 'Clinical' },
  labs: { id: 'labs', name: 'Labs', parentId: 'clinical' },
  behavioral: { id: 'behavioral', name: 'Behavioral health', parentId: 'clinical', readRoles: ['clinician', 'office-manager'] }, // prettier-ignore
  therapy: { id: 'therapy', name: 'Therapy notes', parentId: 'behavioral', readRoles: ['clinician', 'office-manager', 'front-desk'] }, // prettier-ignore
  personnel: { id: 'personnel', name: 'Personnel files', readRoles: ['office-manager'] },
});

describe('categoryReaders: who reads the documents filed in a category', () => {
  it('is every filing reader where nothing on the way restricts it', () => {
    expect(categoryReaders('labs', CATEGORIES, FILING_READERS)).toEqual(FILING_READERS);
  });

  it('is what a restricted category allows', () => {
    expect(categoryReaders('behavioral', CATEGORIES, FILING_READERS)).toEqual(['clinician', 'office-manager']); // prettier-ignore
    expect(categoryReaders('personnel', CATEGORIES, FILING_READERS)).toEqual(['office-manager']);
  });

  it('keeps an ancestor’s restriction below it, however the child is set', () => {
    // Therapy notes lists the front desk, but Behavioral health above it does not.
    expect(categoryReaders('therapy', CATEGORIES, FILING_READERS)).toEqual(['clinician', 'office-manager']); // prettier-ignore
  });

  it('fails closed on an unknown category, a missing parent, a removed one or a loop', () => {
    const broken = tree({
      orphan: { id: 'orphan', name: 'Orphan', parentId: 'gone' },
      a: { id: 'a', name: 'A', parentId: 'b' },
      b: { id: 'b', name: 'B', parentId: 'a' },
      removed: { id: 'removed', name: 'Removed', _deleted: true },
    });
    for (const id of ['nowhere', 'orphan', 'a', 'removed'])
      expect(categoryReaders(id, broken, FILING_READERS)).toEqual(['office-manager']);
  });

  it('gives the path from a category up to its root, or null when broken', () => {
    expect(categoryPath('therapy', CATEGORIES)).toEqual(['therapy', 'behavioral', 'clinical']);
    expect(categoryPath('x', CATEGORIES)).toBeNull();
  });
});
