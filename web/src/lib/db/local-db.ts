import type { DeviceAuditEvent } from '@clinicdesk/shared/audit/audit-event.ts';
import type { BlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';
import type { RowErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import { Dexie, type EntityTable } from 'dexie';
import type { SearchFilters, SearchSort } from '../filing/search/search-query.ts';
import { keptDocumentsOf } from './kept-documents.ts';

/**
 * Local-only tables, kept out of RxDB (whose free build allows 13 collections per tab) and never
 * replicated. One database per user, like the RxDB database.
 */

/** A change the server refused for good; it stays on this device until someone fixes it. */
export type RefusedChange = {
  key: string;
  collection: string;
  id: string;
  code: RowErrorCode;
  message: string;
  at: string;
};

/**
 * A file's bytes on this device, by their SHA-256: taken here (photo, scan) or downloaded once
 * from the server. Immutable, like the address.
 */
export type LocalBlob = {
  sha256: string;
  data: Blob;
  type: BlobType;
  size: number;
  /** When it was stored here (ISO). */
  cachedAt: string;
  /** When it was last opened here (ISO); absent until then. The keeper evicts the oldest. */
  usedAt?: string;
};

/** A file taken on this device that the server does not have yet (the blob is in `blobs`). */
export type QueuedUpload = {
  sha256: string;
  attempts: number;
  /** Epoch milliseconds before which it is not tried again. */
  nextTryAt: number;
  /** What went wrong last time; with `failed`, why the server refused it for good. */
  lastError: string | null;
  /** The server refused it (not a network problem): retried only when the app starts again. */
  failed: boolean;
};

/** What someone was typing into a form, kept so that a reload or a crash loses none of it. */
export type FormDraft = {
  /** Which form: `patient-registration`, say. */
  key: string;
  fields: Record<string, string>;
  /** What the form started from (an edit's original record), to merge against on saving. */
  base?: unknown;
  savedAt: string;
};

/** Chart numbers the server reserved for this device (ADR 9); `next` is the next unused one. */
export type ChartBlock = { first: number; last: number; next: number };

/** A block request sent but not yet answered: retried with the same id, so nothing is lost. */
export type ChartBlockRequest = { requestId: string; at: string };

/** A patient given a provisional number here, waiting for a real one. */
export type ProvisionalChart = { patientId: string; number: string; at: string };

/** A named counter (the provisional numbers this device has handed out). */
export type ChartCounter = { name: string; value: number };

/**
 * A view or print of patient data on this device, waiting to go to the server's audit trail.
 * Written with strict durability like everything here, so an offline view survives a crash.
 */
export type LocalAuditEvent = DeviceAuditEvent;

/** A filing search staff named to come back to ("Unsigned referrals"), on this device only. */
export type SavedView = {
  id: string;
  name: string;
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  createdAt: string;
  updatedAt: string;
};

export type LocalDatabase = Dexie & {
  auditEvents: EntityTable<LocalAuditEvent, 'eventId'>;
  refusedChanges: EntityTable<RefusedChange, 'key'>;
  blobs: EntityTable<LocalBlob, 'sha256'>;
  uploads: EntityTable<QueuedUpload, 'sha256'>;
  drafts: EntityTable<FormDraft, 'key'>;
  chartBlocks: EntityTable<ChartBlock, 'first'>;
  chartRequests: EntityTable<ChartBlockRequest, 'requestId'>;
  provisionalCharts: EntityTable<ProvisionalChart, 'patientId'>;
  chartCounters: EntityTable<ChartCounter, 'name'>;
  savedViews: EntityTable<SavedView, 'id'>;
};

export function openLocalDatabase(userId: string): LocalDatabase {
  const db = new Dexie(`clinicdesk-local-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`, {
    chromeTransactionDurability: 'strict',
  }) as LocalDatabase;
  db.version(1).stores({ refusedChanges: 'key, collection' });
  // Version 2 adds the file cache and the upload queue; earlier tables carry over unchanged.
  db.version(2).stores({ blobs: 'sha256', uploads: 'sha256, nextTryAt' });
  // Version 3 adds form drafts.
  db.version(3).stores({ drafts: 'key' });
  // Version 4 adds this device's chart numbers.
  db.version(4).stores({
    chartBlocks: 'first',
    chartRequests: 'requestId',
    provisionalCharts: 'patientId',
    chartCounters: 'name',
  });
  // Version 5 adds audit events waiting for upload (views and prints, often made offline).
  db.version(5).stores({ auditEvents: 'eventId, deviceTime' });
  // Version 6 adds saved filing searches.
  db.version(6).stores({ savedViews: 'id, name' });
  return db;
}

/**
 * The local side of a purge (see `purgeUnreadable` in database.ts): refused changes of
 * collections the role may no longer read; without filing, its saved searches (their words and
 * filters may name patients) and the documents pinned on the device (kept-documents.ts); and,
 * without access to patient files, every cached file, queued upload and form draft (all of them
 * are patient data).
 */
export async function purgeLocalData(
  db: LocalDatabase,
  readable: readonly string[],
  mayReadBlobs: boolean,
): Promise<void> {
  const tables = [db.refusedChanges, db.blobs, db.uploads, db.drafts, db.savedViews];
  await db.transaction('rw', tables, async () => {
    await db.refusedChanges.filter((change) => !readable.includes(change.collection)).delete();
    if (!readable.includes('filing')) await db.savedViews.clear();
    if (mayReadBlobs) return;
    await Promise.all([db.blobs.clear(), db.uploads.clear(), db.drafts.clear()]);
  });
  if (!readable.includes('filing')) await keptDocumentsOf(db).keptDocuments.clear();
}
