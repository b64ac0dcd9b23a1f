import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import type { Correspondent } from '@clinicdesk/shared/filing/correspondent.schema.ts';
import type { CustomField } from '@clinicdesk/shared/filing/custom-field.schema.ts';
import type { DocumentType } from '@clinicdesk/shared/filing/document-type.schema.ts';
import type { LegalHold } from '@clinicdesk/shared/filing/legal-hold.schema.ts';
import type { Tag } from '@clinicdesk/shared/filing/tag.schema.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { byId, categoryLabel, categoryOptions, type CategoryOption } from './category-tree.ts';

type Named = { id: string; name: string; archived?: boolean | undefined };
export type Choice = { value: string; label: string };

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/** The choices of a list: live ones by name, plus an archived one a document still uses. */
function choicesOf(list: readonly Named[], keep?: string): Choice[] {
  return list
    .filter((item) => !item.archived || item.id === keep)
    .sort(byName)
    .map((item) => ({ value: item.id, label: item.name }));
}

/**
 * The filing setup a document refers to (categories, document types, tags, correspondents,
 * custom fields, legal holds), live from the device's database: names for the screens, the
 * choices of every picker, and the holds the trash must respect. The office manager edits
 * them on the setup screens; a change shows here as it lands. One per screen.
 */
export class FilingLookups {
  readonly #categories: { readonly current: Category[] | undefined };
  readonly #types: { readonly current: DocumentType[] | undefined };
  readonly #tags: { readonly current: Tag[] | undefined };
  readonly #correspondents: { readonly current: Correspondent[] | undefined };
  readonly #fields: { readonly current: CustomField[] | undefined };
  readonly #holds: { readonly current: LegalHold[] | undefined };

  constructor(workspace: Workspace) {
    this.#categories = liveFind(workspace, 'category', { selector: {} });
    this.#types = liveFind(workspace, 'documentType', { selector: {} });
    this.#tags = liveFind(workspace, 'tag', { selector: {} });
    this.#correspondents = liveFind(workspace, 'correspondent', { selector: {} });
    this.#fields = liveFind(workspace, 'customField', { selector: {} });
    this.#holds = liveFind(workspace, 'legalHold', { selector: {} });
  }

  /** Every list has been read from the device. */
  get loaded(): boolean {
    return (
      this.#categories.current !== undefined &&
      this.#types.current !== undefined &&
      this.#tags.current !== undefined &&
      this.#correspondents.current !== undefined
    );
  }

  get categories(): Category[] {
    return this.#categories.current ?? [];
  }
  get documentTypes(): DocumentType[] {
    return this.#types.current ?? [];
  }
  get tags(): Tag[] {
    return this.#tags.current ?? [];
  }
  get correspondents(): Correspondent[] {
    return this.#correspondents.current ?? [];
  }
  get holds(): LegalHold[] {
    return this.#holds.current ?? [];
  }

  readonly #categoryById = $derived(byId(this.categories));
  readonly #typeById = $derived(byId(this.documentTypes));
  readonly #tagById = $derived(byId(this.tags));
  readonly #correspondentById = $derived(byId(this.correspondents));

  /** "Clinical › Outside records › Labs". */
  categoryPath(id: string | undefined): string {
    return categoryLabel(id, this.#categoryById);
  }
  typeName(id: string | undefined): string | null {
    return id === undefined ? null : (this.#typeById.get(id)?.name ?? 'A type not on this device');
  }
  tagName(id: string): string {
    return this.#tagById.get(id)?.name ?? 'A tag not on this device';
  }
  correspondentName(id: string | undefined): string | null {
    if (id === undefined) return null;
    return this.#correspondentById.get(id)?.name ?? 'Not on this device';
  }
  documentType(id: string | undefined): DocumentType | undefined {
    return id === undefined ? undefined : this.#typeById.get(id);
  }

  /** The document type's own fields, in their order (archived ones only where a value is kept). */
  fieldsOf(
    typeId: string | undefined,
    values: Readonly<Record<string, unknown>> = {},
  ): CustomField[] {
    if (!typeId) return [];
    return (this.#fields.current ?? [])
      .filter((f) => f.documentTypeId === typeId && (!f.archived || f.id in values))
      .sort(
        (a, b) =>
          (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
          byName(a, b),
      );
  }

  categoryChoices(keep?: string): CategoryOption[] {
    return categoryOptions(this.categories, { keep });
  }
  typeChoices(keep?: string): Choice[] {
    return choicesOf(this.documentTypes, keep);
  }
  correspondentChoices(keep?: string): Choice[] {
    return choicesOf(this.correspondents, keep);
  }
  /** Tags offered to add, by name; tags a document already has show on it whether archived or not. */
  tagChoices(): Choice[] {
    return choicesOf(this.tags);
  }
}
