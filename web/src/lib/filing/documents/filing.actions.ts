import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import {
  type FiledDocument,
  filedDocumentSchema,
} from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { DocumentSource } from '@clinicdesk/shared/filing/filing-labels.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import { type Tag, tagSchema } from '@clinicdesk/shared/filing/tag.schema.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { recordAccess } from '../../audit/audit.actions.ts';
import { storeLocalBlob } from '../../blobs/blob-store.ts';
import { editDocument, observeFind } from '../../db/documents.svelte.ts';
import { newId } from '../../session/device.ts';
import type { Workspace } from '../../workspace.ts';
import { firstValueFrom } from 'rxjs';
import {
  addVersion,
  fileFromInbox,
  type FilingDetails,
  type FilingError,
  newDocument,
  restoreDocument,
  saveDocumentEdits,
  type Stamp,
  trashDocument,
} from './filed-document-rules.ts';
import { findTextLater } from './find-text.svelte.ts';

/**
 * What staff do with filed documents, on this device and offline: file a capture, file from the
 * inbox, edit, add a version, trash and restore, and record prints and downloads. Each write is
 * applied to the latest stored state (editDocument) and resolves once it is durably stored;
 * sync takes it from there. Nothing waits on the network.
 */

export type ActionError = { code: string; message: string };

function stampNow(workspace: Workspace): Stamp {
  return {
    at: new Date().toISOString(),
    by: {
      userId: workspace.user.id,
      name: workspace.user.displayName,
      deviceId: workspace.deviceId,
    },
  };
}

/** The record as the server will check it; the first problem in staff's words. */
function checked(doc: FiledDocument): Result<FiledDocument, ActionError> {
  // RxDB's own bookkeeping (_rev, _meta, _attachments) rides along on a stored state; it is
  // not part of the record the server checks.
  const record = Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
  const parsed = filedDocumentSchema.safeParse(record);
  if (parsed.success) return ok(doc);
  const issue = parsed.error.issues[0];
  return fail({ code: 'invalid', message: issue?.message ?? 'Check the document’s details' });
}

function refusal(error: FilingError | ActionError | { code: string; id?: string }): ActionError {
  if ('message' in error && typeof error.message === 'string')
    return { code: error.code, message: error.message };
  return error.code === 'deleted'
    ? { code: error.code, message: 'This document was removed' }
    : { code: error.code, message: 'This document is not on this device' };
}

/** A file name as a record may keep it: one line, at most 200 characters. */
function keptFileName(name: string | undefined): string | undefined {
  const line = name?.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return line ? [...line].slice(0, 200).join('') : undefined;
}

/** Documents on this device holding a file with this checksum ("already filed as …"). */
export async function documentsWithFile(
  workspace: Workspace,
  sha256: string,
): Promise<FiledDocument[]> {
  const all = await firstValueFrom(observeFind(workspace, 'filedDocument', { selector: {} }));
  return all.filter((doc) =>
    Object.values(doc.versions).some((version) => version.file.sha256 === sha256),
  );
}

export type CapturedFile = {
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
  fileName?: string | undefined;
};

/**
 * Files a capture: the PDF is kept on this device and queued for upload, then the document is
 * written at once (filed with a category, else in the inbox). Its text is found afterwards in
 * the background (find-text.ts) and written into the record when ready.
 */
export async function fileCapture(
  workspace: Workspace,
  file: CapturedFile,
  details: FilingDetails & { source: DocumentSource; sendToInbox?: boolean },
): Promise<Result<FiledDocument, ActionError>> {
  const stored = await storeLocalBlob(
    workspace.local,
    new Blob([file.bytes], { type: 'application/pdf' }),
  );
  if (!stored.ok) return fail(stored.error);
  const versionId = newId();
  const doc = checked(
    newDocument(
      {
        ...details,
        id: newId(),
        versionId,
        file: stored.value,
        pageCount: file.pageCount,
        fileName: keptFileName(file.fileName),
      },
      stampNow(workspace),
    ),
  );
  if (!doc.ok) return doc;
  await workspace.db.filing.insert(doc.value);
  findTextLater(workspace, doc.value.id, versionId, file.bytes);
  return doc;
}

/** Files a document waiting in the inbox, with the details the person confirmed. */
export async function fileInboxDocument(
  workspace: Workspace,
  id: string,
  details: FilingDetails,
): Promise<Result<FiledDocument, ActionError>> {
  const stamp = stampNow(workspace);
  const moveId = newId();
  const saved = await editDocument(workspace, 'filedDocument', id, (latest) => {
    const next = fileFromInbox(latest, details, stamp, moveId);
    return next.ok ? checked(next.value) : next;
  });
  return saved.ok ? saved : fail(refusal(saved.error));
}

/** Saves the changes made on the document's page since it was opened (`original`). */
export async function saveDocument(
  workspace: Workspace,
  original: FiledDocument,
  edited: FiledDocument,
): Promise<Result<FiledDocument, ActionError>> {
  const stamp = stampNow(workspace);
  const moveId = newId();
  const saved = await editDocument(workspace, 'filedDocument', original.id, (latest) => {
    const next = saveDocumentEdits(latest, original, edited, stamp, moveId);
    return next.ok ? checked(next.value) : next;
  });
  return saved.ok ? saved : fail(refusal(saved.error));
}

/** Adds a new file (already one PDF) as the document's newest version. */
export async function addDocumentVersion(
  workspace: Workspace,
  id: string,
  file: CapturedFile,
  label: string,
): Promise<Result<FiledDocument, ActionError>> {
  const stored = await storeLocalBlob(
    workspace.local,
    new Blob([file.bytes], { type: 'application/pdf' }),
  );
  if (!stored.ok) return fail(stored.error);
  const versionId = newId();
  const version = {
    id: versionId,
    file: stored.value,
    pageCount: file.pageCount,
    label,
    ...(keptFileName(file.fileName) ? { fileName: keptFileName(file.fileName) } : {}),
  };
  const stamp = stampNow(workspace);
  const saved = await editDocument(workspace, 'filedDocument', id, (latest) =>
    checked(addVersion(latest, version, stamp)),
  );
  if (!saved.ok) return fail(refusal(saved.error));
  findTextLater(workspace, id, versionId, file.bytes);
  return saved;
}

/** Puts the document in the trash, unless a legal hold stands on it or its patient. */
export async function trashFiledDocument(
  workspace: Workspace,
  id: string,
  holds: readonly LegalHold[],
): Promise<Result<FiledDocument, ActionError>> {
  const stamp = stampNow(workspace);
  const saved = await editDocument(workspace, 'filedDocument', id, (latest) =>
    trashDocument(latest, holds, stamp),
  );
  return saved.ok ? saved : fail(refusal(saved.error));
}

export async function restoreFiledDocument(
  workspace: Workspace,
  id: string,
): Promise<Result<FiledDocument, ActionError>> {
  const at = new Date().toISOString();
  const saved = await editDocument(workspace, 'filedDocument', id, (latest) =>
    ok(restoreDocument(latest, at)),
  );
  return saved.ok ? saved : fail(refusal(saved.error));
}

/** A tag the desk adds as it meets a new label ("needs signature"); anyone who files may. */
export async function addTag(
  workspace: Workspace,
  name: string,
): Promise<Result<Tag, ActionError>> {
  const at = new Date().toISOString();
  const parsed = tagSchema.safeParse({
    id: newId(),
    kind: 'tag',
    name: name.trim(),
    createdAt: at,
    updatedAt: at,
  });
  if (!parsed.success)
    return fail({ code: 'invalid', message: parsed.error.issues[0]?.message ?? 'Check the name' });
  await workspace.db.filing.insert(parsed.data);
  return ok(parsed.data);
}

/**
 * A print or a download of a document's file, in the audit trail like a view: on this device
 * first (offline too), then uploaded. A download is recorded as an export of the record.
 */
export function recordDocumentUse(
  workspace: Workspace,
  use: 'view' | 'print' | 'download',
  id: string,
): void {
  recordAccess(workspace, use === 'download' ? 'export' : use, 'filing', id).catch(
    (error: unknown) =>
      console.error('ClinicDesk could not record a document in the audit trail', error),
  );
}

/** The file of a version, for a download named after the document. */
export function downloadName(
  doc: Pick<FiledDocument, 'title' | 'documentDate'>,
  file: BlobRef,
): string {
  const base = `${doc.documentDate ? `${doc.documentDate} ` : ''}${doc.title}`
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const extension = file.type === 'application/pdf' ? 'pdf' : file.type.split('/')[1];
  return `${base || 'document'}.${extension}`;
}

/**
 * Puts a tag on a document or takes it off, on its latest state: one key of its tags, so a tag
 * another tablet put on meanwhile (or offline) stays, and both survive the sync's merge.
 */
export async function setDocumentTag(
  workspace: Workspace,
  id: string,
  tagId: string,
  on: boolean,
): Promise<Result<FiledDocument, ActionError>> {
  const at = new Date().toISOString();
  const saved = await editDocument(workspace, 'filedDocument', id, (latest) => {
    const has = latest.tags?.[tagId] === true;
    if (has === on) return ok(latest);
    const { [tagId]: _dropped, ...rest } = latest.tags ?? {};
    return ok({ ...latest, tags: on ? { ...rest, [tagId]: true as const } : rest, updatedAt: at });
  });
  return saved.ok ? saved : fail(refusal(saved.error));
}
