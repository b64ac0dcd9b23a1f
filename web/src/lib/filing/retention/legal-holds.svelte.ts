import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { holdCovers, holdStands } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import { nowIso } from '../../clock.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { PatientNames } from '../documents/patient-names.svelte.ts';

export interface HoldRow {
  hold: LegalHold;
  /** "All documents of Ana Núñez, now and later"; "One document: “Lab report” (Ana Núñez)". */
  covers: string;
  /** How many documents on this device it covers now. */
  documentsHere: number;
  standing: boolean;
}

/**
 * The practice's legal holds as their screen shows them, live from the device: those that
 * stand (newest first) and those released, each with what it covers in words. The documents
 * are read to name a held document and to count what a hold covers here; the server counts
 * every document, whatever this device holds.
 */
export class LegalHolds {
  readonly #holds: { readonly current: LegalHold[] | undefined };
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly names: PatientNames;

  constructor(workspace: Workspace) {
    this.#holds = liveFind(workspace, 'legalHold', { selector: {} });
    this.#documents = liveFind(workspace, 'filedDocument', { selector: {} });
    this.names = new PatientNames(workspace, () => [
      ...this.all.map((hold) => hold.patientId),
      ...this.documents.map((doc) => doc.patientId),
    ]);
  }

  get loaded(): boolean {
    return this.#holds.current !== undefined && this.#documents.current !== undefined;
  }

  get all(): LegalHold[] {
    return this.#holds.current ?? [];
  }

  get documents(): FiledDocument[] {
    return this.#documents.current ?? [];
  }

  document(id: string | undefined): FiledDocument | undefined {
    return id === undefined ? undefined : this.documents.find((doc) => doc.id === id);
  }

  /** What a hold on this patient or document covers, in words. */
  coversInWords(on: { patientId?: string | undefined; documentId?: string | undefined }): string {
    if (on.patientId !== undefined)
      return `All documents of ${this.names.name(on.patientId)}, now and later`;
    const doc = this.document(on.documentId);
    if (!doc) return 'One document, not on this device';
    const whose = doc.patientId ? this.names.name(doc.patientId) : 'practice paper';
    return `One document: “${doc.title}” (${whose})`;
  }

  // Judged at the time the holds last changed: a release made here or synced in is a change,
  // so it shows at once (a hold stands until a release stamped no later than now).
  readonly #rows: HoldRow[] = $derived.by(() => {
    const now = nowIso();
    return this.all.map((hold) => ({
      hold,
      covers: this.coversInWords(hold),
      documentsHere: this.documents.filter((doc) => holdCovers(hold, doc)).length,
      standing: holdStands(hold, now),
    }));
  });

  /** Newest placed first. */
  get standing(): HoldRow[] {
    return this.#rows
      .filter((row) => row.standing)
      .sort((a, b) => b.hold.placed.at.localeCompare(a.hold.placed.at));
  }

  /** Most recently released first. */
  get released(): HoldRow[] {
    return this.#rows
      .filter((row) => !row.standing)
      .sort((a, b) => (b.hold.released?.at ?? '').localeCompare(a.hold.released?.at ?? ''));
  }
}
