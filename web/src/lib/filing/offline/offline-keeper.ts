import {
  FILING_SETTINGS_ID,
  practiceFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import {
  type OfflinePlan,
  planOfflineFiles,
} from '@clinicdesk/shared/filing/offline/offline-plan.ts';
import {
  patientsExpectedOn,
  selectOfflineFiles,
} from '@clinicdesk/shared/filing/offline/offline-selection.ts';
import { liveQuery } from 'dexie';
import {
  debounceTime,
  distinctUntilChanged,
  firstValueFrom,
  from,
  fromEvent,
  map,
  merge,
  type Observable,
  switchMap,
  timer,
} from 'rxjs';
import { keepBlobFromServer } from '../../blobs/blob-store.ts';
import { today } from '../../clock.ts';
import type { ClinicDatabase } from '../../db/database.ts';
import { observeDocument, observeFind, readDocument } from '../../db/documents.svelte.ts';
import { keptDocumentsOf } from '../../db/kept-documents.ts';
import type { LocalDatabase } from '../../db/local-db.ts';
import { budgetBytes, fileRefsOf, storedFileOf } from './offline-inputs.ts';

export type OfflineKeeper = { close: () => void };

const HOUR_MS = 60 * 60_000;

/**
 * Keeps on this device the documents' files it will need with the network down (issue 12.9),
 * within the practice's budget: files not uploaded yet, pinned documents' files, today's
 * patients' recent documents, then what was opened most recently; it fetches what is missing
 * and evicts the rest (`planOfflineFiles`). Runs in the tab that syncs: at start, when the
 * patients expected today change, when a pin, the settings or the filed documents change, when
 * the network returns, and again after it has fetched files.
 */
export function startOfflineKeeper(deps: {
  db: ClinicDatabase;
  local: LocalDatabase;
  deviceId: string;
  /** Whether the browser says it has a network (default `navigator.onLine`). */
  online?: () => boolean;
  /** When the network returns (default the window's `online` event). */
  reconnected?: Observable<unknown>;
  /** How long the filed documents must be still before a sync's changes are looked at. */
  settleMs?: number;
  /** Told each plan once it is carried out (fetched files included). */
  onPlan?: (plan: OfflinePlan) => void;
}): OfflineKeeper {
  const { db, local, deviceId } = deps;
  const online = deps.online ?? (() => navigator.onLine);
  const source = { db };
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  // The day turns at midnight: asked every hour, and today's visits followed within it.
  const todaysPatients: Observable<string> = timer(0, HOUR_MS).pipe(
    map(() => today()),
    distinctUntilChanged(),
    switchMap((day) =>
      observeFind(source, 'visit', { selector: { day } }).pipe(
        map((visits) => patientsExpectedOn(day, { visits }).join(' ')),
      ),
    ),
    distinctUntilChanged(),
  );
  const pins = from(
    liveQuery(() => keptDocumentsOf(local).keptDocuments.toCollection().primaryKeys()),
  ).pipe(
    map((ids) => [...ids].sort().join(' ')),
    distinctUntilChanged(),
  );
  const settings = observeDocument(source, 'filingSettings', FILING_SETTINGS_ID).pipe(
    map((record) => JSON.stringify(practiceFilingSettings(record))),
    distinctUntilChanged(),
  );
  const triggers = merge(
    todaysPatients,
    pins,
    settings,
    // Documents arriving by sync (a new scan of a patient checked in): once they settle.
    db.filing.$.pipe(debounceTime(deps.settleMs ?? 5_000)),
    deps.reconnected ?? fromEvent(window, 'online'),
  );
  const subscription = triggers.pipe(debounceTime(500)).subscribe(() => schedule());

  persistStorage().catch((error: unknown) =>
    console.error('ClinicDesk could not ask to keep its storage', error),
  );

  function schedule(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = keep()
      .catch((error: unknown) =>
        console.error('ClinicDesk could not keep files for offline use', error),
      ) // prettier-ignore
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  }

  async function keep(): Promise<void> {
    const day = today();
    const [documents, visits, record, pinned, blobs, uploads] = await Promise.all([
      firstValueFrom(observeFind(source, 'filedDocument', { selector: {} })),
      firstValueFrom(observeFind(source, 'visit', { selector: { day } })),
      readDocument(source, 'filingSettings', FILING_SETTINGS_ID),
      keptDocumentsOf(local).keptDocuments.toCollection().primaryKeys(),
      local.blobs.toArray(),
      local.uploads.toCollection().primaryKeys(),
    ]);
    const practice = practiceFilingSettings(record);
    const selection = selectOfflineFiles({
      documents,
      pinnedIds: new Set(pinned),
      patientIds: patientsExpectedOn(day, { visits }),
      day,
      recentDays: practice.recentDocumentDays,
    });
    const plan = planOfflineFiles({
      stored: blobs.map(storedFileOf),
      unsynced: new Set(uploads),
      pinned: selection.pinned,
      today: selection.today,
      documentFiles: selection.documentFiles,
      budgetBytes: budgetBytes(practice.offlineBudgetMb),
      online: online(),
    });
    if (plan.evict.length > 0)
      await local.transaction('rw', local.blobs, local.uploads, async () => {
        // A file queued for upload meanwhile is the only copy: it stays.
        const queued = new Set(await local.uploads.toCollection().primaryKeys());
        await local.blobs.bulkDelete(plan.evict.filter((sha256) => !queued.has(sha256)));
      });
    const refs = fileRefsOf(documents);
    let fetched = 0;
    for (const wanted of plan.download) {
      const ref = refs.get(wanted.sha256);
      if (stopped || !ref) continue;
      const kept = await keepBlobFromServer(local, ref, deviceId);
      if (kept.ok) fetched++;
      // The server cannot be reached: the rest waits for the network to return.
      else if (kept.error.code === 'offline') break;
    }
    // What was fetched now counts as here: plan again (the budget may now ask for evictions).
    if (fetched > 0) again = true;
    deps.onPlan?.(plan);
  }

  return {
    close() {
      stopped = true;
      subscription.unsubscribe();
    },
  };
}

/**
 * Asks the browser not to clear this site's storage when space runs low: files kept for an
 * outage are no use if they can vanish. The browser decides (Chromium grants an installed or
 * much-used app); the device screen says whether it did.
 */
async function persistStorage(): Promise<void> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist || (await storage.persisted())) return;
  await storage.persist();
}
