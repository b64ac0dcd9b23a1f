import type { RetentionRule } from '@clinicdesk/shared/filing/retention-rule.schema.ts';
import type { Workspace } from '../../workspace.ts';
import { addRetentionRule, editRetentionRule } from './retention-rules.actions.ts';
import { retentionInWords } from './retention-words.ts';
import {
  checkRuleInput,
  EMPTY_RULE_INPUT,
  inputOfRule,
  type RuleInput,
  type RuleProblems,
  ruleNumbers,
} from './rule-input.ts';

/**
 * The rule form: a new rule or one being changed. The rule's own numbers (basis, years, age of
 * majority) are checked as they are typed; the rest once the form is sent, and from then on as
 * they change.
 */
export class RuleDraft {
  readonly #workspace: Workspace;
  /** The rule being changed; null for a new one. */
  readonly editing: RetentionRule | null;
  input = $state<RuleInput>({ ...EMPTY_RULE_INPUT });
  sent = $state(false);
  saving = $state(false);
  problem = $state<string | null>(null);

  constructor(workspace: Workspace, editing: RetentionRule | null = null) {
    this.#workspace = workspace;
    this.editing = editing;
    if (editing) this.input = inputOfRule(editing);
  }

  readonly #checked = $derived(checkRuleInput(this.input));

  /** What to show beside each field now. */
  get problems(): RuleProblems {
    if (this.#checked.ok) return {};
    const { problems } = this.#checked;
    if (this.sent) return problems;
    const numbers: RuleProblems = {};
    for (const field of ['basis', 'years', 'majorityAge'] as const) {
      const message = problems[field];
      if (message) numbers[field] = message;
    }
    return numbers;
  }

  /** "Kept 10 years after the document date.", once the numbers are right. */
  get preview(): string | null {
    const numbers = ruleNumbers(this.input);
    return numbers.ok ? `Kept ${retentionInWords(numbers.value)}.` : null;
  }

  get isAgeOfMajority(): boolean {
    return this.input.basis === 'age-of-majority';
  }

  /** Saves on this device; true when saved. */
  async save(): Promise<boolean> {
    this.sent = true;
    this.problem = null;
    const checked = this.#checked;
    if (!checked.ok) return false;
    this.saving = true;
    const saved = this.editing
      ? await editRetentionRule(this.#workspace, this.editing.id, checked.value)
      : await addRetentionRule(this.#workspace, checked.value);
    this.saving = false;
    if (!saved.ok) this.problem = saved.error.message;
    return saved.ok;
  }
}
