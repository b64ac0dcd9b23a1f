import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { Category } from '@clinicdesk/shared/filing/category.schema.ts';
import type { Correspondent } from '@clinicdesk/shared/filing/correspondent.schema.ts';
import type { CustomField } from '@clinicdesk/shared/filing/custom-field.schema.ts';
import type { DocumentType } from '@clinicdesk/shared/filing/document-type.schema.ts';
import type { Tag } from '@clinicdesk/shared/filing/tag.schema.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { SvelteSet } from 'svelte/reactivity';
import { buildCategoryTree, flattenTree, indexById, type TreeNode } from './category-tree.ts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * The practice's filing setup as the setup screens show it, live from the device: the category
 * tree, document types with their fields, tags and correspondents. Every filing reader holds
 * these records (the setup is not scoped); who may change each is the permission table's.
 */
export class FilingSetup {
  readonly #categories: { readonly current: Category[] | undefined };
  readonly #types: { readonly current: DocumentType[] | undefined };
  readonly #fields: { readonly current: CustomField[] | undefined };
  readonly #tags: { readonly current: Tag[] | undefined };
  readonly #correspondents: { readonly current: Correspondent[] | undefined };
  readonly workspace: Workspace;

  /** Which categories are folded shut on this screen (open by default). */
  readonly collapsed = new SvelteSet<string>();
  /** Chose "Start empty": the tree editor shows although there is no category yet. */
  startedEmpty = $state(false);

  constructor(workspace: Workspace) {
    this.workspace = workspace;
    this.#categories = liveFind(workspace, 'category', { selector: {} });
    this.#types = liveFind(workspace, 'documentType', { selector: {} });
    this.#fields = liveFind(workspace, 'customField', { selector: {} });
    this.#tags = liveFind(workspace, 'tag', { selector: {} });
    this.#correspondents = liveFind(workspace, 'correspondent', { selector: {} });
  }

  /** May this person change the tree, types and fields (the office manager)? */
  get canEditTree(): boolean {
    return canWriteKind(this.workspace.user.role, 'category');
  }

  /** May this person add tags and correspondents (anyone who files)? */
  get canEditLabels(): boolean {
    return canWriteKind(this.workspace.user.role, 'tag');
  }

  get loaded(): boolean {
    return this.#categories.current !== undefined;
  }

  get categories(): Category[] {
    return this.#categories.current ?? [];
  }

  get categoriesById(): ReadonlyMap<string, Category> {
    return indexById(this.categories);
  }

  get tree(): TreeNode[] {
    return buildCategoryTree(this.categories);
  }

  /** The rows shown: the tree in reading order, without what folded parents hide. */
  get visibleRows(): TreeNode[] {
    const rows: TreeNode[] = [];
    const walk = (nodes: readonly TreeNode[]) => {
      for (const node of nodes) {
        rows.push(node);
        if (!this.collapsed.has(node.category.id)) walk(node.children);
      }
    };
    walk(this.tree);
    return rows;
  }

  get allRows(): TreeNode[] {
    return flattenTree(this.tree);
  }

  toggle(id: string): void {
    if (!this.collapsed.delete(id)) this.collapsed.add(id);
  }

  get documentTypes(): DocumentType[] {
    return [...(this.#types.current ?? [])].sort(byName);
  }

  fieldsOf(documentTypeId: string): CustomField[] {
    return (this.#fields.current ?? [])
      .filter((field) => field.documentTypeId === documentTypeId)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || byName(a, b));
  }

  get tags(): Tag[] {
    return [...(this.#tags.current ?? [])].sort(byName);
  }

  get correspondents(): Correspondent[] {
    return [...(this.#correspondents.current ?? [])].sort(byName);
  }
}
