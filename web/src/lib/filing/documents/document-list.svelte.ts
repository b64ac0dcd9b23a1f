import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { type DocumentFilter, filterDocuments, isFiltered } from './document-filters.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';
import { PatientChoice } from './patient-choice.svelte.ts';
import { PatientNames } from './patient-names.svelte.ts';

/** Rows shown at first; "Show more" adds as many again. */
const PAGE = 50;

/**
 * The documents list (`/filing`): every filed document on this device that is not in the
 * trash, newest first, narrowed by the filters staff set, with the names of the patients and
 * categories it shows. Works from the device's database alone.
 */
export class DocumentList {
  readonly lookups: FilingLookups;
  readonly patient: PatientChoice;
  readonly #documents: { readonly current: FiledDocument[] | undefined };

  text = $state('');
  categoryId = $state('');
  documentTypeId = $state('');
  tagId = $state('');
  correspondentId = $state('');
  from = $state('');
  to = $state('');
  limit = $state(PAGE);

  readonly names: PatientNames;

  constructor(workspace: Workspace, patientId?: string) {
    this.lookups = new FilingLookups(workspace);
    this.patient = new PatientChoice(workspace, () => patientId);
    this.#documents = liveFind(workspace, 'filedDocument', { selector: {} });
    this.names = new PatientNames(workspace, () => this.shown.map((doc) => doc.patientId));
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined && this.lookups.loaded;
  }

  /** Filed and not in the trash: what the list is about. */
  readonly #filed = $derived.by(() =>
    (this.#documents.current ?? []).filter((doc) => doc.filed && !doc.trashed),
  );

  get total(): number {
    return this.#filed.length;
  }

  readonly filter: DocumentFilter = $derived.by(() => ({
    text: this.text,
    patientId: this.patient.id ?? '',
    categoryId: this.categoryId,
    documentTypeId: this.documentTypeId,
    tagId: this.tagId,
    correspondentId: this.correspondentId,
    from: this.from,
    to: this.to,
  }));

  readonly filtered = $derived.by(() =>
    filterDocuments(this.#filed, this.filter, this.lookups.categories),
  );

  readonly shown = $derived(this.filtered.slice(0, this.limit));

  get isFiltered(): boolean {
    return isFiltered(this.filter);
  }

  showMore(): void {
    this.limit += PAGE;
  }

  clearFilters(): void {
    this.text = '';
    this.categoryId = '';
    this.documentTypeId = '';
    this.tagId = '';
    this.correspondentId = '';
    this.from = '';
    this.to = '';
    this.patient.choose(undefined);
    this.limit = PAGE;
  }
}
