import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { StoredFile } from '@clinicdesk/shared/filing/offline/offline-plan.ts';
import { keptDocumentsOf } from '../../db/kept-documents.ts';
import type { LocalBlob, LocalDatabase } from '../../db/local-db.ts';

/** A stored file as the plan reads it: last used when opened, else when it arrived. */
export function storedFileOf(
  blob: Pick<LocalBlob, 'sha256' | 'size' | 'cachedAt' | 'usedAt'>,
): StoredFile {
  return { sha256: blob.sha256, size: blob.size, usedAt: blob.usedAt ?? blob.cachedAt };
}

/** Every file the documents point at, by address, as the server is asked for it. */
export function fileRefsOf(documents: readonly FiledDocument[]): Map<string, BlobRef> {
  const refs = new Map<string, BlobRef>();
  for (const doc of documents)
    for (const version of Object.values(doc.versions)) refs.set(version.file.sha256, version.file);
  return refs;
}

const MB = 1_000_000;

/** The practice's budget in bytes (megabytes as the office counts them: 1,000,000 bytes). */
export function budgetBytes(megabytes: number): number {
  return megabytes * MB;
}

/** "12.4 MB", "820 KB": a size as staff read it. */
export function formatSize(bytes: number): string {
  if (bytes >= 10 * MB) return `${Math.round(bytes / MB).toLocaleString('en-US')} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** The addresses of the files on this device and the documents pinned here. */
export type Held = { files: ReadonlySet<string>; pinned: ReadonlySet<string> };

/** Reads only the addresses (primary keys), never a file's bytes. */
export async function heldOn(local: LocalDatabase): Promise<Held> {
  const [files, pinned] = await Promise.all([
    local.blobs.toCollection().primaryKeys(),
    keptDocumentsOf(local).keptDocuments.toCollection().primaryKeys(),
  ]);
  return { files: new Set(files), pinned: new Set(pinned) };
}
