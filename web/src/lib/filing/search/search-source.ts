import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';

/**
 * What the index keeps of a filed document: the words staff may look for and the facts filters
 * and sorting read, and nothing more (no files, versions or stamps). Plain data, so the feed can
 * post it to the search worker.
 */
export type SearchSource = {
  id: string;
  title: string;
  notes?: string;
  /** Custom values by field id, as stored (the index reads them by their field's type). */
  fields: Readonly<Record<string, string | number | boolean>>;
  /** The current text, page by page. */
  pages: readonly string[];
  patientId?: string;
  categoryId?: string;
  documentTypeId?: string;
  correspondentId?: string;
  tagIds: readonly string[];
  /** The day it is dated by: its document date, else the day it was made (as the documents list). */
  date: string;
  /** It has a document date of its own (`date` is not the capture day). */
  dated: boolean;
  trashed: boolean;
  filed: boolean;
};

/** A setup record the index reads names from; `archived` ones still name what is filed by them. */
export type SearchSetup =
  | { kind: 'tag' | 'correspondent' | 'documentType'; id: string; name: string }
  | { kind: 'category'; id: string; name: string; parentId?: string }
  | { kind: 'customField'; id: string; name: string; fieldType: string };

export type SetupKind = SearchSetup['kind'];
export const SETUP_KINDS: readonly SetupKind[] = [
  'tag',
  'correspondent',
  'documentType',
  'category',
  'customField',
];

export function isSetupKind(kind: unknown): kind is SetupKind {
  return SETUP_KINDS.some((setup) => setup === kind);
}

/**
 * A custom value as staff would type it to find it (money in cents reads "12.50", yes/no
 * "yes"); null for a link to another document, an id nobody types.
 */
export function valueText(
  value: string | number | boolean,
  fieldType: string | undefined,
): string | null {
  if (fieldType === 'document-link') return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && fieldType === 'money') return (value / 100).toFixed(2);
  return String(value);
}

export function searchSourceOf(doc: FiledDocument): SearchSource {
  return {
    id: doc.id,
    title: doc.title,
    ...(doc.notes ? { notes: doc.notes } : {}),
    fields: doc.fields ?? {},
    pages: doc.text?.pages ?? [],
    ...(doc.patientId ? { patientId: doc.patientId } : {}),
    ...(doc.categoryId ? { categoryId: doc.categoryId } : {}),
    ...(doc.documentTypeId ? { documentTypeId: doc.documentTypeId } : {}),
    ...(doc.correspondentId ? { correspondentId: doc.correspondentId } : {}),
    tagIds: Object.keys(doc.tags ?? {}),
    date: doc.documentDate ?? doc.createdAt.slice(0, 10),
    dated: doc.documentDate !== undefined,
    trashed: doc.trashed !== undefined,
    filed: doc.filed !== undefined,
  };
}

/** A setup record of the filing partition as the index reads it; null for other kinds. */
export function searchSetupOf(record: {
  kind: string;
  id: string;
  name?: unknown;
  parentId?: unknown;
  fieldType?: unknown;
}): SearchSetup | null {
  const { kind, id } = record;
  const name = typeof record.name === 'string' ? record.name : '';
  if (kind === 'tag' || kind === 'correspondent' || kind === 'documentType')
    return { kind, id, name };
  if (kind === 'category')
    return typeof record.parentId === 'string'
      ? { kind, id, name, parentId: record.parentId }
      : { kind, id, name };
  if (kind === 'customField')
    return { kind, id, name, fieldType: String(record.fieldType ?? 'text') };
  return null;
}
