import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { describe, expect, it } from 'vitest';
import { filterDocuments, isFiltered } from './document-filters.ts';

const desk = {
  userId: 'u1',
  name: 'Synthetic Desk',
  deviceId: '0195a0c4-0000-7000-8000-000000000090',
};
const doc = (id: string, over: Partial<FiledDocument>): FiledDocument => ({
  id,
  kind: 'filedDocument',
  title: 'Untitled',
  source: 'scan',
  versions: {},
  captured: { at: '2026-03-01T10:00:00.000Z', by: desk },
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...over,
});

const categories = [
  { id: 'clinical', name: 'Clinical' },
  { id: 'labs', name: 'Labs', parentId: 'clinical' },
  { id: 'insurance', name: 'Insurance' },
];
const docs = [
  doc('a', {
    title: 'Lipid panel results',
    categoryId: 'labs',
    documentDate: '2026-02-01',
    patientId: 'p1',
    tags: { t1: true },
  }),
  doc('b', {
    title: 'Referral letter',
    categoryId: 'clinical',
    documentDate: '2026-02-20',
    patientId: 'p2',
  }),
  doc('c', {
    title: 'Explanation of benefits',
    categoryId: 'insurance',
    documentDate: '2026-01-05',
    correspondentId: 'quest',
  }),
  doc('d', { title: 'Intake form', createdAt: '2026-02-10T09:00:00.000Z' }),
];
const ids = (list: FiledDocument[]) => list.map((d) => d.id);

describe('filterDocuments', () => {
  it('lists newest first by document date, else the day it was captured', () => {
    expect(ids(filterDocuments(docs, {}, categories))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('finds a category with its subcategories', () => {
    expect(ids(filterDocuments(docs, { categoryId: 'clinical' }, categories))).toEqual(['b', 'a']);
    expect(ids(filterDocuments(docs, { categoryId: 'labs' }, categories))).toEqual(['a']);
  });

  it('narrows by patient, tag, correspondent and dates together', () => {
    expect(ids(filterDocuments(docs, { patientId: 'p1', tagId: 't1' }, categories))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { correspondentId: 'quest' }, categories))).toEqual(['c']);
    expect(
      ids(filterDocuments(docs, { from: '2026-02-01', to: '2026-02-15' }, categories)),
    ).toEqual(['d', 'a']);
  });

  it('matches the beginnings of title words, accents and case aside', () => {
    expect(ids(filterDocuments(docs, { text: 'LIPID res' }, categories))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { text: 'panel x' }, categories))).toEqual([]);
  });

  it('tells a filtered list from the whole one', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ text: '  ' })).toBe(false);
    expect(isFiltered({ tagId: 't1' })).toBe(true);
  });
});
