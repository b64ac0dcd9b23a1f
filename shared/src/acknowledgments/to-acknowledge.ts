import type { Duty } from './acknowledgment-duties.ts';

/**
 * A person's "to read and acknowledge" list for their home screen: what is assigned to them and
 * not done, overdue first, then by due date; one entry per policy (two campaigns asking for the
 * same policy are one thing to read).
 */
export function toAcknowledge(duties: readonly Duty[], staffId: string): Duty[] {
  const open = duties
    .filter((duty) => duty.staffId === staffId && duty.status !== 'done')
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const first = new Map<string, Duty>();
  for (const duty of open) if (!first.has(duty.policyId)) first.set(duty.policyId, duty);
  return [...first.values()];
}
