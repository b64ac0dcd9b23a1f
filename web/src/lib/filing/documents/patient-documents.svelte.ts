import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { holdStands } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { newestFirst } from './document-filters.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';

/** Documents listed on the patient's page; the rest are a link away. */
const SHOWN = 8;

/** A patient's documents on this device, newest first (those in the trash left out), live. */
export class PatientDocuments {
  readonly lookups: FilingLookups;
  readonly #documents: { readonly current: FiledDocument[] | undefined };
  readonly #patientId: string;

  constructor(workspace: Workspace, patientId: string) {
    this.#patientId = patientId;
    this.lookups = new FilingLookups(workspace);
    this.#documents = liveFind(workspace, 'filedDocument', { selector: { patientId } });
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined;
  }

  readonly all = $derived.by(() =>
    (this.#documents.current ?? []).filter((doc) => !doc.trashed).sort(newestFirst),
  );

  readonly shown = $derived(this.all.slice(0, SHOWN));

  /** The holds on all of this patient's documents that stand at `now`, oldest placed first. */
  holds(now: string): LegalHold[] {
    return this.lookups.holds
      .filter((hold) => hold.patientId === this.#patientId && holdStands(hold, now))
      .sort((a, b) => (a.placed.at < b.placed.at ? -1 : a.placed.at > b.placed.at ? 1 : 0));
  }
}
