import { canonicalJson } from '../sync/canonical-json.ts';
import { mergeEdits } from '../sync/merge-edits.ts';
import type { Acknowledgment, QuizAttempt } from './acknowledgment.schema.ts';

/** The fields of the act of acknowledging: one event, kept whole. */
const ACT = ['acknowledgedAt', 'contentHash', 'deviceId', 'method', 'typedName', 'offline', 'recordedBy', 'campaignId'] as const; // prettier-ignore

/**
 * The `acknowledgment` kind's merge. One person's acknowledgment of one version is one record
 * (its id names both), so two devices where they tried the quiz or acknowledged while apart
 * meet here: every quiz attempt stays (each once, in time order), and when both recorded an
 * acknowledgment, the earlier one is the act of acknowledging, kept whole, with no conflict (the
 * person acknowledged; the later one only repeated it). The rest merges as any record does.
 */
export function mergeAcknowledgments(
  base: Acknowledgment | undefined,
  kept: Acknowledgment,
  other: Acknowledgment,
): Acknowledgment {
  const a: Acknowledgment = { ...kept };
  const b: Acknowledgment = { ...other };
  const attempts = unionAttempts(a.attempts ?? [], b.attempts ?? []);
  if (attempts.length > 0) a.attempts = b.attempts = attempts;
  // The act first, from the sides as they came (createdAt decides between two of attempts only).
  const first = earlierAct(a, b);
  for (const side of [a, b]) copyAct(first, side);
  if (a.createdAt !== b.createdAt) a.createdAt = b.createdAt = a.createdAt < b.createdAt ? a.createdAt : b.createdAt; // prettier-ignore
  return mergeEdits(base, a, b);
}

function unionAttempts(x: readonly QuizAttempt[], y: readonly QuizAttempt[]): QuizAttempt[] {
  const byKey = new Map<string, QuizAttempt>();
  for (const attempt of [...x, ...y]) byKey.set(canonicalJson(attempt), attempt);
  return [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : ka < kb ? -1 : 1))
    .map(([, attempt]) => attempt);
}

/**
 * The side whose act stands: an acknowledgment over a record of attempts only, the earlier of
 * two (then by content: the same rule on every device). Two records of attempts only keep the
 * details of the one begun first, so that neither raises a conflict.
 */
function earlierAct(a: Acknowledgment, b: Acknowledgment): Acknowledgment {
  const rank = (ack: Acknowledgment) =>
    `${ack.acknowledgedAt ? 0 : 1}${ack.acknowledgedAt ?? ack.createdAt}${canonicalJson(pick(ack))}`;
  return rank(a) <= rank(b) ? a : b;
}

function pick(ack: Acknowledgment): Record<string, unknown> {
  return Object.fromEntries(ACT.map((field) => [field, ack[field]]));
}

function copyAct(from: Acknowledgment, to: Acknowledgment): void {
  const target = to as Record<string, unknown>;
  for (const [field, value] of Object.entries(pick(from)))
    if (value === undefined) delete target[field];
    else target[field] = value;
}
