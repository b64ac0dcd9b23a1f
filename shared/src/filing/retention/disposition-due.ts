import { daysBetween } from '../../dates/calendar-days.ts';
import { heldBy, type HeldDocument, type HoldLike } from '../legal-hold/held-by.ts';
import type {
  RetentionLevel,
  RetentionSubject,
  ScopedRetentionRule,
} from './applicable-retention.ts';
import type { MissingFact, RetentionFacts } from './retention-ends.ts';
import { retentionFor } from './retention-for.ts';

/** A document as the disposition review reads it: where it is filed, and its dates. */
export interface DispositionCandidate extends HeldDocument, RetentionSubject, RetentionFacts {}

/** The disposition review queue (issue 12.7). */
export interface DispositionQueue<
  D extends DispositionCandidate,
  R extends ScopedRetentionRule,
  H extends HoldLike,
> {
  /** Past retention and held by nothing: most overdue first, each with the rule that decided. */
  due: { document: D; endsOn: string; daysOverdue: number; rule: R; level: RetentionLevel }[];
  /** Past retention but under a legal hold: not due, and the office sees why. */
  held: { document: D; endsOn: string; rule: R; level: RetentionLevel; holds: H[] }[];
  /** A rule applies but a date it needs is missing: kept, and listed so someone fills it in. */
  cannotCompute: { document: D; rule: R; missing: MissingFact; message: string }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What is due for disposition review on `today` (YYYY-MM-DD, the practice's day): every
 * document whose retention ended on or before today (`retentionFor`), unless a legal hold
 * stands over it or its patient at `now` (the ISO instant, for the hold's release) — a held
 * document is never due, whatever its dates. Documents no rule reaches, and those still within
 * retention, are in no list. `due` is sorted by end date, oldest first, then by document id;
 * `held` and `cannotCompute` by document id.
 */
export function dispositionDue<
  D extends DispositionCandidate,
  R extends ScopedRetentionRule,
  H extends HoldLike,
>(
  documents: readonly D[],
  rules: readonly R[],
  holds: readonly H[],
  today: string,
  now: string,
): DispositionQueue<D, R, H> {
  const queue: DispositionQueue<D, R, H> = { due: [], held: [], cannotCompute: [] };
  for (const document of documents) {
    const retention = retentionFor(document, document, rules);
    if (retention.status === 'no-rule') continue;
    if (retention.status === 'cannot-compute') {
      const { rule, missing, message } = retention;
      queue.cannotCompute.push({ document, rule, missing, message });
      continue;
    }
    const { endsOn, rule, level } = retention;
    if (endsOn > today) continue;
    const standing = heldBy(document, holds, now);
    if (standing.length > 0) queue.held.push({ document, endsOn, rule, level, holds: standing });
    else queue.due.push({ document, endsOn, daysOverdue: daysBetween(endsOn, today), rule, level });
  }
  queue.due.sort((a, b) => byText(a.endsOn, b.endsOn) || byText(a.document.id, b.document.id));
  queue.held.sort((a, b) => byText(a.document.id, b.document.id));
  queue.cannotCompute.sort((a, b) => byText(a.document.id, b.document.id));
  return queue;
}
