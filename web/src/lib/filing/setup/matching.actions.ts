import type { Matching } from '@clinicdesk/shared/filing/filing-fields.ts';
import { validateMatchingRule } from '@clinicdesk/shared/filing/matching/matching-rule.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { changeRecord, type SetupError, type SetupWorkspace, without } from './setup-records.ts';

/** The kinds a matching rule suggests for a scan from its text (issue 12.4). */
export type MatchedKind = 'category' | 'documentType' | 'tag' | 'correspondent';

/**
 * Sets how a category, type, tag or correspondent is suggested from a scan's text; "never
 * suggest" removes the rule. A rule that could never match, or could stall a tablet, is
 * refused with its reason (`validateMatchingRule`), never stored to fail quietly later.
 */
export async function setMatching(
  workspace: SetupWorkspace,
  kind: MatchedKind,
  id: string,
  rule: Matching,
): Promise<Result<true, SetupError>> {
  const valid = validateMatchingRule(rule);
  if (!valid.ok) return fail({ code: 'invalid', message: valid.error.message });
  const { algorithm, pattern, caseSensitive } = valid.value;
  const matching: Matching = { algorithm, pattern, caseSensitive };
  const changed = await changeRecord(workspace, kind, id, (current) =>
    ok(algorithm === 'none' ? without(current, 'matching') : { ...current, matching }),
  );
  return changed.ok ? ok(true) : changed;
}
