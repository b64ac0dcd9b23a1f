import { blobReferences } from '@clinicdesk/shared/blobs/blob-references.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { AuditEventInput } from './audit-chain.ts';
import type { DocumentWriter } from './store.ts';

/**
 * What stays of a destroyed record (ADR 19): a tombstone that names it and says it was destroyed,
 * so devices drop it and no push can bring it back (the write rule refuses any change to it).
 */
export function destroyedTombstone(current: WireDocument, at: Date): WireDocument {
  return {
    id: current.id,
    kind: current.kind,
    _deleted: true,
    destroyed: true,
    createdAt: current.createdAt,
    updatedAt: at.toISOString(),
  };
}

export function isDestroyed(doc: WireDocument): boolean {
  return doc.destroyed === true;
}

/** Every file any of the record's states referred to, each once, sorted. */
export function filesOfStates(states: readonly WireDocument[]): string[] {
  return [...new Set(states.flatMap((state) => blobReferences(state)))].sort();
}

/** The `destroy` audit event, in the same transaction as the destruction. */
export function destroyAuditEvent(input: {
  collection: string;
  id: string;
  seq: number;
  files: readonly string[];
  writer: DocumentWriter;
  at: Date;
  detail: string;
}): AuditEventInput {
  const files = input.files.length > 0 ? `; files ${input.files.join(',')}` : '';
  return {
    eventId: `${input.collection}:${input.seq}:destroy`,
    action: 'destroy',
    userId: input.writer.userId,
    username: input.writer.username ?? null,
    deviceId: input.writer.deviceId,
    deviceTime: null,
    serverTime: input.at,
    collection: input.collection,
    recordId: input.id,
    detail: `${input.detail}${files}`,
  };
}
