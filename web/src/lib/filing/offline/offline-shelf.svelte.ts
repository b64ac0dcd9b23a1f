import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { OfflinePlan } from '@clinicdesk/shared/filing/offline/offline-plan.ts';
import { patientsExpectedOn } from '@clinicdesk/shared/filing/offline/offline-selection.ts';
import {
  FILING_SETTINGS_ID,
  type PracticeFilingSettings,
  practiceFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { liveQuery } from 'dexie';
import { from } from 'rxjs';
import { today } from '../../clock.ts';
import { liveDocument, liveFind } from '../../db/documents.svelte.ts';
import { keptDocumentsOf } from '../../db/kept-documents.ts';
import { live } from '../../db/live.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { PatientNames } from '../documents/patient-names.svelte.ts';
import { budgetBytes, storedFileOf } from './offline-inputs.ts';
import { type ShelfRow, shelfOf } from './offline-shelf.ts';

type Estimate = { usage: number; quota: number; persisted: boolean };

/**
 * What this device keeps for working offline (issue 12.9), as its screen shows it: each
 * document whose file is here, and why, and the practice's budget and how much of it is used.
 * The same rule as the keeper (`planOfflineFiles`), judged on what is here now.
 */
export class OfflineShelf {
  readonly #workspace: Workspace;
  readonly day = today();
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly #visits;
  readonly #settings;
  readonly #device;
  estimate = $state<Estimate | null>(null);
  readonly names: PatientNames;

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.#documents = liveFind(workspace, 'filedDocument', { selector: {} });
    this.#visits = liveFind(workspace, 'visit', { selector: { day: this.day } });
    this.#settings = liveDocument(workspace, 'filingSettings', FILING_SETTINGS_ID);
    const local = workspace.local;
    this.#device = live(
      from(
        liveQuery(async () => {
          const [blobs, uploads, pins] = await Promise.all([
            local.blobs.toArray(),
            local.uploads.toCollection().primaryKeys(),
            keptDocumentsOf(local).keptDocuments.toCollection().primaryKeys(),
          ]);
          return { stored: blobs.map(storedFileOf), uploads, pins };
        }),
      ),
      undefined,
    );
    this.names = new PatientNames(workspace, () => this.rows.map((row) => row.document.patientId));
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined && this.#device.current !== undefined;
  }

  get settings(): PracticeFilingSettings {
    return practiceFilingSettings(this.#settings.current);
  }

  get budgetBytes(): number {
    return budgetBytes(this.settings.offlineBudgetMb);
  }

  readonly #shelf = $derived.by(() => {
    const documents = this.#documents.current;
    const device = this.#device.current;
    if (!documents || !device) return null;
    return shelfOf({
      documents,
      ...device,
      patientIds: patientsExpectedOn(this.day, { visits: this.#visits.current ?? [] }),
      day: this.day,
      settings: this.settings,
    });
  });

  get plan(): OfflinePlan | null {
    return this.#shelf?.plan ?? null;
  }

  /** The documents kept here, those not uploaded and pinned first, then by title. */
  get rows(): ShelfRow[] {
    return this.#shelf?.rows ?? [];
  }

  /** What the kept files take against the budget (0 to 1, or more when over it). */
  get share(): number {
    return this.plan ? this.plan.usedBytes / this.budgetBytes : 0;
  }

  /** Asks the browser how much this app stores on the device and may store, once per call. */
  async measure(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.estimate) return;
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      storage.persisted ? storage.persisted() : Promise.resolve(false),
    ]);
    this.estimate = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  }

  /** The office manager sets the storage (Filing setup › Trash and offline). */
  get canChangeSettings(): boolean {
    return canWriteKind(this.#workspace.user.role, 'filingSettings');
  }

  get workspace(): Workspace {
    return this.#workspace;
  }
}
