import { canonicalJson } from '../sync/canonical-json.ts';
import { mergeEdits } from '../sync/merge-edits.ts';
import type { StepStamp, Visit } from './visit.schema.ts';

const STEPS = ['arrived', 'roomed', 'checkedOut', 'cancelled'] as const;

/**
 * The visits collection's conflict handler. Steps are stamps, so two tablets moving a visit
 * while apart changed different fields and `mergeEdits` keeps both. When both recorded the
 * same step (both pressed "In room"), that is one event seen twice, not a disagreement: the
 * earlier stamp is kept on both sides before merging, so no conflict is raised. A step only one
 * of them stamped anew since the base (moving the patient to another room) merges as an edit. The same goes
 * for `createdAt` when two tablets checked the same patient in offline (same visit id).
 * Everything else (room, kind, reason) merges as any record does, with recorded conflicts.
 */
export function mergeVisits(base: Visit | undefined, kept: Visit, other: Visit): Visit {
  const a: Visit = { ...kept };
  const b: Visit = { ...other };
  for (const step of STEPS) {
    const x = a[step];
    const y = b[step];
    // One event seen twice only when both tablets recorded the step: a stamp one of them kept
    // from the base while the other stamped it anew (moved to another room) is a plain edit,
    // and the record merge keeps the new stamp.
    const bothRecorded = !base || (differs(x, base[step]) && differs(y, base[step]));
    if (x && y && canonicalJson(x) !== canonicalJson(y) && bothRecorded) {
      const first = earlier(x, y);
      a[step] = first;
      b[step] = first;
    }
  }
  if (a.createdAt !== b.createdAt) a.createdAt = b.createdAt = minIso(a.createdAt, b.createdAt);
  if (!base) {
    // Both tablets created the visit: a detail only one of them entered is an addition, not a
    // disagreement (without a base, the record merge would call every such field a conflict).
    fillMissing(a, b);
    fillMissing(b, a);
  }
  return mergeEdits(base, a, b);
}

function fillMissing(target: Visit, source: Visit): void {
  const into = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(source))
    if (into[key] === undefined && !BOOKKEEPING.has(key)) into[key] = value;
}

const BOOKKEEPING = new Set(['updatedAt', 'editedBy', 'conflicts']);

function differs(x: StepStamp | undefined, y: StepStamp | undefined): boolean {
  return canonicalJson(x ?? null) !== canonicalJson(y ?? null);
}

function earlier(x: StepStamp, y: StepStamp): StepStamp {
  if (x.at !== y.at) return x.at < y.at ? x : y;
  return canonicalJson(x.by) <= canonicalJson(y.by) ? x : y;
}

function minIso(a: string, b: string): string {
  return a < b ? a : b;
}
