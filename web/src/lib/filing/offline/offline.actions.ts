import { nowIso } from '../../clock.ts';
import { keptDocumentsOf } from '../../db/kept-documents.ts';
import type { Workspace } from '../../workspace.ts';

/**
 * "Keep on this device": the document's latest file is fetched (now, or when the network
 * returns) and never evicted, whatever the budget (issue 12.9). The pin is this person's on this
 * device (kept-documents.ts, beside their local database): the files it keeps are theirs to
 * read, and pinning on the office PC does not fill the reception tablet. It survives reloads and
 * restarts.
 */
export async function keepOnDevice(
  workspace: Pick<Workspace, 'local'>,
  documentId: string,
): Promise<void> {
  await keptDocumentsOf(workspace.local).keptDocuments.put({ documentId, pinnedAt: nowIso() });
}

/** The document may leave the device again when its room is needed (least recently used first). */
export async function stopKeepingOnDevice(
  workspace: Pick<Workspace, 'local'>,
  documentId: string,
): Promise<void> {
  await keptDocumentsOf(workspace.local).keptDocuments.delete(documentId);
}
