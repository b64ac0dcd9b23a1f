import {
  applicableRetentionRules,
  type RetentionLevel,
  type RetentionSubject,
  type ScopedRetentionRule,
} from './applicable-retention.ts';
import { retentionEnds, type MissingFact, type RetentionFacts } from './retention-ends.ts';

/** A document's retention, with the rule that decided it. */
export type DocumentRetention<R extends ScopedRetentionRule> =
  | { status: 'no-rule' }
  | {
      status: 'cannot-compute';
      rule: R;
      level: RetentionLevel;
      missing: MissingFact;
      message: string;
    }
  | { status: 'ends'; endsOn: string; rule: R; level: RetentionLevel };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which rule keeps a document and until when. Of the rules at the most specific level
 * (`applicableRetentionRules`), the one that ends last decides, since destroying early cannot
 * be undone and keeping longer can; ties go to more years, then to the smaller id, so every
 * device names the same rule. If any of them cannot be computed (a fact is missing) the answer
 * is "cannot compute" with that rule: a shorter rule's date is not a safe guess.
 */
export function retentionFor<R extends ScopedRetentionRule>(
  subject: RetentionSubject,
  facts: RetentionFacts,
  rules: readonly R[],
): DocumentRetention<R> {
  const applicable = applicableRetentionRules(subject, rules);
  if (!applicable) return { status: 'no-rule' };
  const { level } = applicable;
  const ordered = [...applicable.rules].sort((a, b) => byText(a.id, b.id));
  let best: { endsOn: string; rule: R } | null = null;
  for (const rule of ordered) {
    const end = retentionEnds(rule, facts);
    if (!end.computable)
      return { status: 'cannot-compute', rule, level, missing: end.missing, message: end.message };
    const later =
      !best ||
      end.endsOn > best.endsOn ||
      (end.endsOn === best.endsOn && rule.years > best.rule.years);
    if (later) best = { endsOn: end.endsOn, rule };
  }
  // `ordered` is not empty: applicableRetentionRules returns a level only when it has rules.
  if (!best) return { status: 'no-rule' };
  return { status: 'ends', endsOn: best.endsOn, rule: best.rule, level };
}
