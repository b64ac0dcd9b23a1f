import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { categoryAndBelow, type CategoryNode } from './category-tree.ts';

/** What the documents list is narrowed to; every part optional, all parts must hold. */
export type DocumentFilter = {
  /** Words of the title (until the full-text search lands, issue 12.3). */
  text?: string;
  patientId?: string;
  /** This category and every one under it. */
  categoryId?: string;
  documentTypeId?: string;
  tagId?: string;
  correspondentId?: string;
  /** Document date from, to (YYYY-MM-DD, both included). */
  from?: string;
  to?: string;
};

/** The day a document is dated by: its document date, else the day it was captured. */
export function documentDay(doc: Pick<FiledDocument, 'documentDate' | 'createdAt'>): string {
  return doc.documentDate ?? doc.createdAt.slice(0, 10);
}

/** Newest first: by document date, then by when it was captured, then by id (stable). */
export function newestFirst(
  a: Pick<FiledDocument, 'id' | 'documentDate' | 'createdAt'>,
  b: Pick<FiledDocument, 'id' | 'documentDate' | 'createdAt'>,
): number {
  const day = documentDay(b).localeCompare(documentDay(a));
  if (day !== 0) return day;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The documents the filter keeps, newest first. */
export function filterDocuments<D extends FiledDocument>(
  documents: readonly D[],
  filter: DocumentFilter,
  categories: readonly CategoryNode[],
): D[] {
  const inCategory = filter.categoryId ? categoryAndBelow(filter.categoryId, categories) : null;
  const wanted = filter.text ? words(filter.text) : [];
  return documents
    .filter((doc) => {
      if (filter.patientId && doc.patientId !== filter.patientId) return false;
      if (inCategory && (!doc.categoryId || !inCategory.has(doc.categoryId))) return false;
      if (filter.documentTypeId && doc.documentTypeId !== filter.documentTypeId) return false;
      if (filter.correspondentId && doc.correspondentId !== filter.correspondentId) return false;
      if (filter.tagId && !doc.tags?.[filter.tagId]) return false;
      const day = documentDay(doc);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (wanted.length > 0) {
        const title = words(doc.title);
        if (!wanted.every((word) => title.some((have) => have.startsWith(word)))) return false;
      }
      return true;
    })
    .sort(newestFirst);
}

/** Whether any part of the filter is set (the list then says "no document matches"). */
export function isFiltered(filter: DocumentFilter): boolean {
  return Object.values(filter).some((value) => typeof value === 'string' && value.trim() !== '');
}
