import type { RetentionRule } from '@clinicdesk/shared/filing/retention-rule.schema.ts';
import { ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  changeRecord,
  createRecords,
  newRecordBase,
  type RetentionError,
  type RetentionWorkspace,
  without,
} from './retention-records.ts';
import type { RuleFields } from './rule-input.ts';
import { type SuggestedRetention, suggestedRuleName } from './suggested-defaults.ts';

/**
 * What the office manager does to the retention schedule, on this device first (it syncs
 * later). A rule is never deleted, only archived: the disposition entries on the audit chain
 * name the rule a document was destroyed under, and must still find it.
 */

export async function addRetentionRule(
  workspace: RetentionWorkspace,
  fields: RuleFields,
): Promise<Result<RetentionRule, RetentionError>> {
  const rule: RetentionRule = { ...newRecordBase(), kind: 'retentionRule', ...fields };
  const made = await createRecords(workspace, 'retentionRule', [rule]);
  return made.ok ? ok(rule) : made;
}

/** The rule's fields replaced by the form's; a field the form left empty goes. */
export function editRetentionRule(
  workspace: RetentionWorkspace,
  id: string,
  fields: RuleFields,
): Promise<Result<RetentionRule, RetentionError>> {
  return changeRecord(workspace, 'retentionRule', id, (current) => {
    let next: RetentionRule = { ...current, ...fields };
    for (const optional of ['categoryId', 'documentTypeId', 'majorityAge', 'citation'] as const)
      if (fields[optional] === undefined) next = without(next, optional);
    return ok(next);
  });
}

/** An archived rule applies to nothing; it stays for the entries that name it. */
export function setRetentionRuleArchived(
  workspace: RetentionWorkspace,
  id: string,
  archived: boolean,
): Promise<Result<RetentionRule, RetentionError>> {
  return changeRecord(workspace, 'retentionRule', id, (current) =>
    ok(archived ? { ...current, archived: true } : without(current, 'archived')),
  );
}

/**
 * Adds the suggested defaults the office manager kept, each on the category they chose, with
 * its source as the rule's citation. All or nothing: one invalid rule stores none.
 */
export async function addSuggestedRules(
  workspace: RetentionWorkspace,
  chosen: readonly { suggestion: SuggestedRetention; categoryId: string }[],
): Promise<Result<RetentionRule[], RetentionError>> {
  const rules = chosen.flatMap(({ suggestion, categoryId }) =>
    suggestion.rules.map((rule): RetentionRule => ({
      ...newRecordBase(),
      kind: 'retentionRule',
      name: suggestedRuleName(suggestion, rule),
      categoryId,
      basis: rule.basis,
      years: rule.years,
      ...(rule.majorityAge !== undefined && { majorityAge: rule.majorityAge }),
      citation: suggestion.source,
    })),
  );
  return createRecords(workspace, 'retentionRule', rules);
}
