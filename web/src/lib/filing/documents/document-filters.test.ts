import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { describe, expect, it } from 'vitest';
import { documentDay, newestFirst } from './document-filters.ts';

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

describe('newestFirst', () => {
  it('orders by document date, else the day it was captured, newest first', () => {
    expect(ids([...docs].sort(newestFirst))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('orders documents of one day by when they were captured, then by id', () => {
    const morning = doc('m', { documentDate: '2026-02-20', createdAt: '2026-02-20T08:00:00.000Z' });
    const evening = doc('e', { documentDate: '2026-02-20', createdAt: '2026-02-20T18:00:00.000Z' });
    const twin = doc('f', { documentDate: '2026-02-20', createdAt: '2026-02-20T18:00:00.000Z' });
    expect(ids([morning, evening, twin].sort(newestFirst))).toEqual(['f', 'e', 'm']);
  });

  it('dates a document without a date of its own by its capture day', () => {
    expect(documentDay(doc('d', { createdAt: '2026-02-10T09:00:00.000Z' }))).toBe('2026-02-10');
    expect(documentDay(doc('a', { documentDate: '2025-12-31' }))).toBe('2025-12-31');
  });
});
