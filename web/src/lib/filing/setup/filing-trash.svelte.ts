import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { heldBy } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import {
  FILING_SETTINGS_ID,
  practiceFilingSettings,
} from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import type { FilingSettings } from '@clinicdesk/shared/filing/settings/filing-settings.schema.ts';
import { trashExpiry } from '@clinicdesk/shared/filing/trash/trash-expiry.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { nowIso } from '../../clock.ts';
import { liveDocument, liveDocuments, liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { categoryPathName, indexById } from './category-tree.ts';

const DAY_MS = 86_400_000;

export interface TrashRow {
  document: FiledDocument;
  /** "Clinical › Outside records › Labs", or null for a document never filed. */
  categoryPath: string | null;
  /** "Quennell, Isolde", or null for the practice's own papers (or a patient not here). */
  patientName: string | null;
  /** When the server may empty it (null when its trash time cannot be read). */
  emptiesAt: string | null;
  /** Whole days left before then; 0 or less once it is due. */
  daysLeft: number | null;
  /** Standing legal holds over it: while any stands it is never emptied. */
  holds: LegalHold[];
}

/**
 * The trash as its page shows it, live from the device: documents with a `trashed` stamp
 * (those this person may read), when each may be emptied and which legal holds keep it.
 * Emptying is the server's job; this only shows the state and restores.
 */
export class FilingTrash {
  readonly #workspace: Workspace;
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly #holds: { readonly current: LegalHold[] | undefined };
  readonly #categories: { readonly current: Category[] | undefined };
  readonly #patients = $derived.by(() =>
    liveDocuments(
      this.#workspace,
      'patient',
      this.documents.flatMap((d) => (d.patientId ? [d.patientId] : [])),
    ),
  );
  readonly #settings: { readonly current: FilingSettings | null | undefined };
  /** The time the page judges by (set when it opens: days, not minutes, matter here). */
  now = $state(nowIso());

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.#documents = liveFind(workspace, 'filedDocument', {
      selector: { trashed: { $exists: true } },
    });
    this.#holds = liveFind(workspace, 'legalHold', { selector: {} });
    this.#categories = liveFind(workspace, 'category', { selector: {} });
    this.#settings = liveDocument(workspace, 'filingSettings', FILING_SETTINGS_ID);
  }

  /** The practice's trash period (its filing settings; 30 days where it set none). */
  get periodDays(): number {
    return practiceFilingSettings(this.#settings.current).trashDays;
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined;
  }

  /** Restoring changes a filed document: anyone who files may. */
  get canRestore(): boolean {
    return canWriteKind(this.#workspace.user.role, 'filedDocument');
  }

  private get documents(): FiledDocument[] {
    return this.#documents.current ?? [];
  }

  /** Soonest to be emptied first. */
  get rows(): TrashRow[] {
    const holds = this.#holds.current ?? [];
    const categories = indexById(this.#categories.current ?? []);
    const patients: ReadonlyMap<string, Patient> = this.#patients.current ?? indexById([]);
    const now = Date.parse(this.now);
    return this.documents
      .flatMap((document) => (document.trashed ? [{ document, trashed: document.trashed }] : []))
      .map(({ document, trashed }): TrashRow => {
        const emptiesAt = trashExpiry(trashed.at, this.periodDays);
        const patient = document.patientId ? patients.get(document.patientId) : undefined;
        return {
          document,
          categoryPath: document.categoryId
            ? categoryPathName(document.categoryId, categories) || null
            : null,
          patientName: patient ? `${patient.familyName}, ${patient.givenName}` : null,
          emptiesAt,
          daysLeft: emptiesAt === null ? null : Math.ceil((Date.parse(emptiesAt) - now) / DAY_MS),
          holds: heldBy(document, holds, this.now),
        };
      })
      .sort((a, b) => (a.emptiesAt ?? '9').localeCompare(b.emptiesAt ?? '9'));
  }
}
