import { PATIENT_RECORD_READERS } from '../auth/audiences.ts';
import type { Reader, RecordScope, ScopeContext, StoredDocument } from '../registry/partition.ts';
import { categoryReaders } from './category-readers.ts';

/** Who reads the filing partition at all (ADR 15): whoever works with patients' records. */
export const FILING_READERS = PATIENT_RECORD_READERS;

/**
 * Who may read which record of `filing` (issue 12.6). The tree and the setup records
 * (categories, types, tags, correspondents, custom fields, retention rules, holds) are read by
 * every filing reader. A document:
 * - filed in a category: by the roles that category allows (`categoryReaders`);
 * - not yet filed (in the inbox, or never given a category): by the person who captured it and
 *   the office manager — a scan may turn out to be a restricted record, so it stays narrow
 *   until someone files it.
 * The office manager runs the files and reads every document, as `categoryReaders` never
 * leaves them out unless a category's own list does — and then they are still the ones who
 * can change that list.
 */
export function filedDocumentInScope(
  reader: Reader,
  doc: StoredDocument,
  categories: ScopeContext,
): boolean {
  if (reader.role === 'office-manager') return true;
  const categoryId = typeof doc.categoryId === 'string' ? doc.categoryId : undefined;
  const filed = doc.filed !== undefined && categoryId !== undefined;
  if (!filed) return capturedBy(doc) === reader.userId;
  return categoryReaders(categoryId, categories, FILING_READERS).includes(reader.role);
}

function capturedBy(doc: StoredDocument): string | undefined {
  const captured = doc.captured as { by?: { userId?: unknown } } | undefined;
  const userId = captured?.by?.userId;
  return typeof userId === 'string' ? userId : undefined;
}

export const FILING_SCOPE: RecordScope = {
  context: ['category'],
  inScope: (reader, doc, categories) =>
    doc.kind !== 'filedDocument' || filedDocumentInScope(reader, doc, categories),
};
