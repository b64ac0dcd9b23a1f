import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { latestFile } from '@clinicdesk/shared/filing/offline/offline-selection.ts';
import {
  FILING_SETTINGS_ID,
  practiceFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { liveDocument, liveDocuments } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { budgetBytes } from './offline-inputs.ts';

/**
 * What the documents pinned on this device take against the practice's budget, for the pin's
 * own screen to say when they alone exceed it (they are kept anyway; ADR 20).
 */
export class PinnedBudget {
  readonly #workspace: Workspace;
  readonly #pinned: () => readonly string[];
  readonly #key = $derived.by(() => [...this.#pinned()].sort().join(','));
  readonly #documents = $derived.by(() =>
    liveDocuments(this.#workspace, 'filedDocument', this.#key ? this.#key.split(',') : []),
  );
  readonly #settings;

  constructor(workspace: Workspace, pinned: () => readonly string[]) {
    this.#workspace = workspace;
    this.#pinned = pinned;
    this.#settings = liveDocument(workspace, 'filingSettings', FILING_SETTINGS_ID);
  }

  get budgetBytes(): number {
    return budgetBytes(practiceFilingSettings(this.#settings.current).offlineBudgetMb);
  }

  /** Bytes of the pinned documents' latest files (those on this device's list). */
  get pinnedBytes(): number {
    const documents: Iterable<FiledDocument> = this.#documents.current?.values() ?? [];
    let total = 0;
    for (const doc of documents) total += latestFile(doc)?.size ?? 0;
    return total;
  }

  get overBudget(): boolean {
    return this.pinnedBytes > this.budgetBytes;
  }
}
