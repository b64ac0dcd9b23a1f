import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import type { Workspace } from '../../workspace.ts';
import type { FilingDetails } from './filed-document-rules.ts';
import type { Suggestion } from './filing-inbox.svelte.ts';
import { PatientChoice } from './patient-choice.svelte.ts';

/**
 * The filing form of one document in the inbox. Each field shows, until the person changes
 * it, the document's own value or else the suggestion (so a suggestion that arrives once the
 * text is read fills what is still empty); what the person chose always stands.
 */
export class InboxEntry {
  readonly id: string;
  readonly patient: PatientChoice;
  readonly #doc: () => FiledDocument;
  readonly #suggestion: () => Suggestion | null;

  #title = $state<string | undefined>(undefined);
  #documentDate = $state<string | undefined>(undefined);
  #categoryId = $state<string | undefined>(undefined);
  #documentTypeId = $state<string | undefined>(undefined);
  #correspondentId = $state<string | undefined>(undefined);
  #tagIds = $state<readonly string[] | undefined>(undefined);

  saving = $state(false);
  error = $state<string | null>(null);

  constructor(
    workspace: Workspace,
    id: string,
    doc: () => FiledDocument,
    suggestion: () => Suggestion | null,
  ) {
    this.id = id;
    this.#doc = doc;
    this.#suggestion = suggestion;
    this.patient = new PatientChoice(
      workspace,
      () => this.#doc().patientId ?? this.#suggestion()?.patient?.patient.id,
    );
  }

  get suggestion(): Suggestion | null {
    return this.#suggestion();
  }

  get title(): string {
    return this.#title ?? this.#doc().title;
  }
  set title(value: string) {
    this.#title = value;
  }
  get documentDate(): string {
    return this.#documentDate ?? this.#doc().documentDate ?? '';
  }
  set documentDate(value: string) {
    this.#documentDate = value;
  }
  get categoryId(): string {
    return (
      this.#categoryId ?? this.#doc().categoryId ?? this.suggestion?.category?.candidate.id ?? ''
    );
  }
  set categoryId(value: string) {
    this.#categoryId = value;
  }
  get documentTypeId(): string {
    return (
      this.#documentTypeId ??
      this.#doc().documentTypeId ??
      this.suggestion?.documentType?.candidate.id ??
      ''
    );
  }
  set documentTypeId(value: string) {
    this.#documentTypeId = value;
  }
  get correspondentId(): string {
    return (
      this.#correspondentId ??
      this.#doc().correspondentId ??
      this.suggestion?.correspondent?.candidate.id ??
      ''
    );
  }
  set correspondentId(value: string) {
    this.#correspondentId = value;
  }

  /** The document's tags and the suggested ones, until the person changes them. */
  get tagIds(): readonly string[] {
    if (this.#tagIds) return this.#tagIds;
    const own = Object.keys(this.#doc().tags ?? {});
    const suggested = (this.suggestion?.tags ?? []).map((tag) => tag.candidate.id);
    return [...own, ...suggested.filter((id) => !own.includes(id))];
  }
  set tagIds(ids: readonly string[]) {
    this.#tagIds = ids;
  }

  /** What the person files it with. */
  get details(): FilingDetails {
    return {
      title: this.title,
      documentDate: this.documentDate || undefined,
      patientId: this.patient.id,
      categoryId: this.categoryId || undefined,
      documentTypeId: this.documentTypeId || undefined,
      correspondentId: this.correspondentId || undefined,
      tagIds: this.tagIds,
    };
  }
}
