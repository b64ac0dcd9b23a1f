import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import {
  FILING_SETTINGS_ID,
  type PracticeFilingSettings,
  practiceFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import type { FilingSettings } from '@clinicdesk/shared/filing/settings/filing-settings.schema.ts';
import { liveDocument } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';

/** The practice's filing settings as this device holds them, live (defaults until set). */
export class FilingSettingsView {
  readonly #workspace: Workspace;
  readonly #record: { readonly current: FilingSettings | null | undefined };

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.#record = liveDocument(workspace, 'filingSettings', FILING_SETTINGS_ID);
  }

  get loaded(): boolean {
    return this.#record.current !== undefined;
  }

  /** The record, null while the practice has set nothing (or it has not reached this device). */
  get record(): FilingSettings | null {
    return this.#record.current ?? null;
  }

  get settings(): PracticeFilingSettings {
    return practiceFilingSettings(this.#record.current);
  }

  get canEdit(): boolean {
    return canWriteKind(this.#workspace.user.role, 'filingSettings');
  }
}
