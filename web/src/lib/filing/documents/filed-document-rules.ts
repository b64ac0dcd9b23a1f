import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import type {
  DocumentText,
  FiledDocument,
} from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { DocumentSource } from '@clinicdesk/shared/filing/filing-labels.ts';
import { heldBy, type HoldLike } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';

/**
 * The filing system's changes to one document, pure: the clock, the ids and the editor are
 * passed in, so the same inputs give the same record on every device and in tests. The actions
 * (filing.actions.ts) apply them to the latest stored state.
 */

/** When and by whom, from which device. */
export type Stamp = { at: string; by: Editor };

/** The filing details staff choose: where the document goes and what it is. */
export type FilingDetails = {
  title: string;
  documentDate?: string | undefined;
  patientId?: string | undefined;
  categoryId?: string | undefined;
  documentTypeId?: string | undefined;
  correspondentId?: string | undefined;
  tagIds?: readonly string[] | undefined;
};

export type NewDocument = FilingDetails & {
  id: string;
  versionId: string;
  source: DocumentSource;
  file: BlobRef;
  pageCount: number;
  fileName?: string | undefined;
  /** Kept in the inbox even with a category (someone else confirms it later). */
  sendToInbox?: boolean;
};

const tagsOf = (ids: readonly string[] | undefined) =>
  Object.fromEntries((ids ?? []).map((id) => [id, true as const]));

/**
 * The details on the document; an emptied one is removed, not stored as empty text (which the
 * schema refuses for ids and dates).
 */
function withDetails(doc: FiledDocument, details: FilingDetails): FiledDocument {
  const next: FiledDocument = { ...doc, title: details.title.trim() };
  for (const key of [
    'documentDate',
    'patientId',
    'categoryId',
    'documentTypeId',
    'correspondentId',
  ] as const) {
    const value = details[key];
    if (value) next[key] = value;
    else delete next[key];
  }
  if (details.tagIds) next.tags = tagsOf(details.tagIds);
  return next;
}

/**
 * A document as the desk captures or uploads it: its first version, who captured it, and filed
 * at once when it has a category (else, or when sent to the inbox, it waits there).
 */
export function newDocument(input: NewDocument, stamp: Stamp): FiledDocument {
  const base: FiledDocument = {
    id: input.id,
    kind: 'filedDocument',
    title: input.title.trim(),
    source: input.source,
    tags: {},
    versions: {
      [input.versionId]: {
        file: input.file,
        pageCount: input.pageCount,
        ...(input.fileName ? { fileName: input.fileName } : {}),
        added: stamp,
      },
    },
    captured: stamp,
    createdAt: stamp.at,
    updatedAt: stamp.at,
  };
  const doc = withDetails(base, input);
  if (doc.categoryId && !input.sendToInbox) doc.filed = stamp;
  return doc;
}

export type FilingError =
  | { code: 'category-required'; message: string }
  | { code: 'title-required'; message: string }
  | { code: 'legal-hold'; message: string };

/** A move to another patient or category is kept on the record, with who made it and when. */
function withMove(
  before: FiledDocument,
  after: FiledDocument,
  stamp: Stamp,
  moveId: string,
): FiledDocument {
  if (before.patientId === after.patientId && before.categoryId === after.categoryId) return after;
  const move = {
    at: stamp.at,
    by: stamp.by,
    ...(before.patientId ? { fromPatientId: before.patientId } : {}),
    ...(after.patientId ? { toPatientId: after.patientId } : {}),
    ...(before.categoryId ? { fromCategoryId: before.categoryId } : {}),
    ...(after.categoryId ? { toCategoryId: after.categoryId } : {}),
  };
  return { ...after, moves: { ...after.moves, [moveId]: move } };
}

/**
 * Files a document from the inbox in one step: the details confirmed (or changed) by the
 * person, the `filed` stamp, and a move from where it waited to where it goes.
 */
export function fileFromInbox(
  doc: FiledDocument,
  details: FilingDetails,
  stamp: Stamp,
  moveId: string,
): Result<FiledDocument, FilingError> {
  if (!details.title.trim())
    return fail({ code: 'title-required', message: 'Give the document a title' });
  if (!details.categoryId)
    return fail({ code: 'category-required', message: 'Choose the category to file it in' });
  const next = withDetails(doc, details);
  return ok(withMove(doc, { ...next, filed: stamp, updatedAt: stamp.at }, stamp, moveId));
}

/**
 * Saves what someone changed on the document's page since they opened it (`original` →
 * `edited`) onto its latest state: only their changes are applied, so another tablet's tag or
 * note that landed meanwhile stays (mergeEdits; a field both changed keeps what they typed and
 * records the other as a conflict). A filed document moved to another patient or category
 * records the move.
 */
export function saveDocumentEdits(
  latest: FiledDocument,
  original: FiledDocument,
  edited: FiledDocument,
  stamp: Stamp,
  moveId: string,
): Result<FiledDocument, FilingError> {
  if (!edited.title.trim())
    return fail({ code: 'title-required', message: 'Give the document a title' });
  if (latest.filed && !edited.categoryId)
    return fail({ code: 'category-required', message: 'A filed document needs a category' });
  const merged = { ...mergeEdits(original, edited, latest), updatedAt: stamp.at };
  return ok(latest.filed ? withMove(latest, merged, stamp, moveId) : merged);
}

/** A new file for the same document (a rescan, a signed copy) becomes its newest version. */
export function addVersion(
  doc: FiledDocument,
  version: { id: string; file: BlobRef; pageCount: number; label?: string; fileName?: string },
  stamp: Stamp,
): FiledDocument {
  const { id, label, fileName, ...rest } = version;
  return {
    ...doc,
    versions: {
      ...doc.versions,
      [id]: {
        ...rest,
        ...(label?.trim() ? { label: label.trim() } : {}),
        ...(fileName ? { fileName } : {}),
        added: stamp,
      },
    },
    updatedAt: stamp.at,
  };
}

/**
 * Puts a document in the trash, refused while a legal hold stands on it or its patient: what a
 * hold covers is not thrown away, even into a trash that could be restored from.
 */
export function trashDocument<H extends HoldLike & { reason: string }>(
  doc: FiledDocument,
  holds: readonly H[],
  stamp: Stamp,
): Result<FiledDocument, FilingError> {
  const standing = heldBy(doc, holds, stamp.at);
  const first = standing[0];
  if (first)
    return fail({
      code: 'legal-hold',
      message: `This document is under a legal hold (${first.reason}), so it cannot go in the trash until the hold is released.`,
    });
  if (doc.trashed) return ok(doc);
  return ok({ ...doc, trashed: stamp, updatedAt: stamp.at });
}

/** Takes a document back out of the trash, as it was. */
export function restoreDocument(doc: FiledDocument, at: string): FiledDocument {
  if (!doc.trashed) return doc;
  const { trashed: _trashed, ...rest } = doc;
  return { ...rest, updatedAt: at };
}

/**
 * The text found in a version (inside its PDF, or recognised), for search. Only the newest
 * version's text is kept: a text of an older version never replaces a newer one's.
 */
export function withText(doc: FiledDocument, text: DocumentText, at: string): FiledDocument {
  const current = doc.text ? doc.versions[doc.text.versionId] : undefined;
  const incoming = doc.versions[text.versionId];
  if (!incoming) return doc;
  if (current && current.added.at > incoming.added.at) return doc;
  return { ...doc, text, updatedAt: at };
}
