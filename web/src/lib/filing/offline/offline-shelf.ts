import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import {
  type KeepReason,
  type OfflinePlan,
  planOfflineFiles,
  type StoredFile,
} from '@clinicdesk/shared/filing/offline/offline-plan.ts';
import {
  latestFile,
  selectOfflineFiles,
} from '@clinicdesk/shared/filing/offline/offline-selection.ts';
import type { PracticeFilingSettings } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { budgetBytes } from './offline-inputs.ts';

/** Why a document is on this device, or that it waits to be. */
export type ShelfReason = KeepReason | 'waiting';

export type ShelfRow = {
  document: FiledDocument;
  reason: ShelfReason;
  /** Bytes of its latest file. */
  size: number;
  pinned: boolean;
};

export const SHELF_REASON_LABELS: Record<ShelfReason, string> = {
  unsynced: 'Not uploaded yet',
  pinned: 'Kept on this device',
  today: 'Today’s patient',
  'recently-used': 'Opened recently',
  waiting: 'Kept, waiting for the network',
};

const ORDER: ShelfReason[] = ['unsynced', 'waiting', 'pinned', 'today', 'recently-used'];

/**
 * The device's shelf: the keeper's plan judged on what is here now (fetching nothing), and each
 * document whose latest file it keeps, or that is pinned and waits for the network, and why.
 */
export function shelfOf(input: {
  documents: readonly FiledDocument[];
  stored: readonly StoredFile[];
  uploads: readonly string[];
  pins: readonly string[];
  patientIds: readonly string[];
  day: string;
  settings: PracticeFilingSettings;
}): { plan: OfflinePlan; rows: ShelfRow[] } {
  const pins = new Set(input.pins);
  const selection = selectOfflineFiles({
    documents: input.documents,
    pinnedIds: pins,
    patientIds: input.patientIds,
    day: input.day,
    recentDays: input.settings.recentDocumentDays,
  });
  const plan = planOfflineFiles({
    stored: input.stored,
    unsynced: new Set(input.uploads),
    pinned: selection.pinned,
    today: selection.today,
    documentFiles: selection.documentFiles,
    budgetBytes: budgetBytes(input.settings.offlineBudgetMb),
    online: false,
  });
  const missing = new Set(plan.missing.map((file) => file.sha256));
  const rows = input.documents
    .flatMap((document): ShelfRow[] => {
      const file = latestFile(document);
      if (!file) return [];
      const pinned = pins.has(document.id);
      const kept = plan.keep.get(file.sha256);
      const reason = kept ?? (pinned && missing.has(file.sha256) ? 'waiting' : undefined);
      return reason ? [{ document, reason, size: file.size, pinned }] : [];
    })
    .sort(
      (a, b) =>
        ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason) ||
        a.document.title.localeCompare(b.document.title),
    );
  return { plan, rows };
}
