import type { Workspace } from '../../workspace.ts';
import { addSuggestedRules } from './retention-rules.actions.ts';
import type { RetentionSchedule } from './retention-schedule.svelte.ts';
import type { SuggestedRetention } from './suggested-defaults.ts';

/**
 * "Start from the suggested defaults": each of ClinicDesk's suggested rules with the category
 * it would go on — the one its name matches, unless that category has a rule already — which
 * the office manager changes or clears ("Don't add") before adding them.
 */
export class DefaultsOffer {
  readonly #workspace: Workspace;
  readonly #schedule: RetentionSchedule;
  /** The office manager's choices by default's slug: a category id, or '' for "don't add". */
  #chosen = $state<Record<string, string>>({});
  saving = $state(false);
  problem = $state<string | null>(null);

  constructor(workspace: Workspace, schedule: RetentionSchedule) {
    this.#workspace = workspace;
    this.#schedule = schedule;
  }

  get suggestions(): SuggestedRetention[] {
    return this.#schedule.suggestions;
  }

  /** The category chosen for a default, or '' when it will not be added. */
  choiceFor(suggestion: SuggestedRetention): string {
    return (
      this.#chosen[suggestion.slug] ??
      (suggestion.alreadyRuled ? '' : (suggestion.categoryId ?? ''))
    );
  }

  choose(suggestion: SuggestedRetention, categoryId: string): void {
    this.#chosen = { ...this.#chosen, [suggestion.slug]: categoryId };
  }

  get chosenCount(): number {
    return this.suggestions.filter((suggestion) => this.choiceFor(suggestion) !== '').length;
  }

  /** Adds the chosen defaults as rules; the number of rules added, or null when refused. */
  async add(): Promise<number | null> {
    this.problem = null;
    const chosen = this.suggestions.flatMap((suggestion) => {
      const categoryId = this.choiceFor(suggestion);
      return categoryId === '' ? [] : [{ suggestion, categoryId }];
    });
    if (chosen.length === 0) {
      this.problem = 'Choose a category for at least one of the suggestions, or cancel';
      return null;
    }
    this.saving = true;
    const added = await addSuggestedRules(this.#workspace, chosen);
    this.saving = false;
    if (!added.ok) {
      this.problem = added.error.message;
      return null;
    }
    this.#chosen = {};
    return added.value.length;
  }
}
