import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { MatchCandidate } from '@clinicdesk/shared/filing/matching/suggest-filing.ts';
import {
  type FilingSuggestion,
  suggestFiling,
} from '@clinicdesk/shared/filing/matching/suggest-filing.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import { type PatientListing, patientIndex } from '../../patients/patient-index.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { FilingLookups } from './filing-lookups.svelte.ts';

export type Suggestion = FilingSuggestion<MatchCandidate, PatientListing>;

/** The text suggestions are read from: the pages of the newest version's text, in order. */
export function textOf(doc: Pick<FiledDocument, 'text'>): string {
  return doc.text?.pages.join('\n\n') ?? '';
}

const candidate = (item: {
  id: string;
  name: string;
  archived?: boolean | undefined;
  matching?: MatchCandidate['matching'];
}): MatchCandidate => ({
  id: item.id,
  name: item.name,
  archived: item.archived,
  matching: item.matching,
});

/**
 * The filing inbox (`/filing/inbox`): what was scanned or uploaded but not yet filed, on this
 * device (a person sees the scans they captured; the office manager sees every one), newest
 * first, each with what the practice's matching rules suggest from its text — patient, category,
 * type, tags and correspondent, with the reason — which the person confirms or changes.
 */
export class FilingInbox {
  readonly lookups: FilingLookups;
  readonly #workspace: Workspace;
  readonly #documents: { readonly current: FiledDocument[] | undefined };

  constructor(workspace: Workspace) {
    this.#workspace = workspace;
    this.lookups = new FilingLookups(workspace);
    this.#documents = liveFind(workspace, 'filedDocument', { selector: {} });
  }

  get loaded(): boolean {
    return this.#documents.current !== undefined && this.lookups.loaded;
  }

  readonly waiting = $derived.by(() =>
    (this.#documents.current ?? [])
      .filter((doc) => !doc.filed && !doc.trashed)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
  );

  /** Patients a text may name: every chart in use on this device (once its list is read). */
  readonly #patients = $derived.by(() => {
    const index = patientIndex(this.#workspace.db);
    if (!index.loaded) return [];
    return index.search('', Number.MAX_SAFE_INTEGER).shown.filter((p) => !p.mergedInto);
  });

  readonly #candidates = $derived.by(() => ({
    categories: this.lookups.categories.map(candidate),
    documentTypes: this.lookups.documentTypes.map(candidate),
    tags: this.lookups.tags.map(candidate),
    correspondents: this.lookups.correspondents.map(candidate),
    patients: this.#patients,
  }));

  /** What the rules suggest for a document; null while it has no text to read. */
  suggestionFor(doc: FiledDocument): Suggestion | null {
    const text = textOf(doc);
    if (!text.trim()) return null;
    return suggestFiling(text, this.#candidates);
  }
}
