import type { RetentionRule } from '@clinicdesk/shared/filing/retention-rule.schema.ts';
import { liveFind } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { FilingLookups } from '../documents/filing-lookups.svelte.ts';
import { appliesToInWords, retentionInWords } from './retention-words.ts';
import { suggestDefaults, type SuggestedRetention } from './suggested-defaults.ts';

export interface RuleRow {
  rule: RetentionRule;
  /** "Everything filed under Clinical". */
  appliesTo: string;
  /** "10 years after the patient’s last visit". */
  keeps: string;
}

/**
 * The practice's retention schedule as its screen shows it, live from the device: every rule
 * (archived ones on request) with what it applies to and how long it keeps, and ClinicDesk's
 * suggested defaults placed on the practice's own tree.
 */
export class RetentionSchedule {
  readonly lookups: FilingLookups;
  readonly #rules: { readonly current: RetentionRule[] | undefined };
  showArchived = $state(false);

  constructor(workspace: Workspace) {
    this.lookups = new FilingLookups(workspace);
    this.#rules = liveFind(workspace, 'retentionRule', { selector: {} });
  }

  get loaded(): boolean {
    return this.#rules.current !== undefined && this.lookups.loaded;
  }

  get all(): RetentionRule[] {
    return this.#rules.current ?? [];
  }

  get archivedCount(): number {
    return this.all.filter((rule) => rule.archived).length;
  }

  /** Live rules first, then by what they apply to, then by name. */
  readonly rows: RuleRow[] = $derived.by(() =>
    this.all
      .filter((rule) => this.showArchived || !rule.archived)
      .map((rule) => ({
        rule,
        appliesTo: appliesToInWords(
          rule.categoryId === undefined ? undefined : this.lookups.categoryPath(rule.categoryId),
          this.lookups.typeName(rule.documentTypeId) ?? undefined,
        ),
        keeps: retentionInWords(rule),
      }))
      .sort(
        (a, b) =>
          Number(a.rule.archived ?? false) - Number(b.rule.archived ?? false) ||
          a.appliesTo.localeCompare(b.appliesTo) ||
          a.rule.name.localeCompare(b.rule.name),
      ),
  );

  readonly suggestions: SuggestedRetention[] = $derived.by(() =>
    suggestDefaults(this.lookups.categories, this.all),
  );

  rule(id: string): RetentionRule | undefined {
    return this.all.find((rule) => rule.id === id);
  }
}
