import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';

/*
 * How documents are dated and ordered on every filing screen. The documents list narrows and
 * searches through the device's search index (../search/), which dates them the same way.
 */

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
