import type { Role } from '../auth/roles.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import { toCsv } from '../policies/csv.ts';
import type { Policy } from '../policies/policy.schema.ts';
import type { Duty } from './acknowledgment-duties.ts';
import type { StaffMember } from './who-must-acknowledge.ts';

export type Completion = {
  key: string;
  label: string;
  total: number;
  done: number;
  /** Whole percent done (100 when nothing is assigned). */
  percent: number;
};

export type AcknowledgmentReport = {
  overall: Completion;
  byPolicy: Completion[];
  byRole: Completion[];
  byPerson: Completion[];
  /** What is not done yet, most overdue first. */
  incomplete: Duty[];
};

/**
 * The office manager's acknowledgment report (PolicyStat's incomplete acknowledgments by
 * policy, area and person): how much of what was assigned is done, by policy, by role and by
 * person, and the list of what is not, soonest due first.
 */
export function acknowledgmentReport(
  duties: readonly Duty[],
  policies: readonly Pick<Policy, 'id' | 'number' | 'title'>[],
  staff: readonly Pick<StaffMember, 'id' | 'name' | 'role'>[],
): AcknowledgmentReport {
  const policyById = new Map(policies.map((policy) => [policy.id, policy]));
  const personById = new Map(staff.map((person) => [person.id, person]));
  const roleOf = (staffId: string): Role | undefined => personById.get(staffId)?.role;
  return {
    overall: completion('all', 'All staff', duties),
    byPolicy: tally(duties, (d) => d.policyId, (id) => { const p = policyById.get(id); return p ? `${p.number} ${p.title}` : id; }), // prettier-ignore
    byRole: tally(duties, (d) => roleOf(d.staffId) ?? 'unknown', (role) => ROLE_LABELS[role as Role] ?? 'Unknown role'), // prettier-ignore
    byPerson: tally(
      duties,
      (d) => d.staffId,
      (id) => personById.get(id)?.name ?? id,
    ),
    incomplete: duties
      .filter((duty) => duty.status !== 'done')
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.staffId < b.staffId ? -1 : 1)), // prettier-ignore
  };
}

function tally(
  duties: readonly Duty[],
  key: (duty: Duty) => string,
  label: (key: string) => string,
): Completion[] {
  // prettier-ignore
  const groups = new Map<string, Duty[]>();
  for (const duty of duties) {
    const group = groups.get(key(duty));
    if (group) group.push(duty);
    else groups.set(key(duty), [duty]);
  }
  return [...groups.entries()]
    .map(([k, group]) => completion(k, label(k), group))
    .sort((a, b) => a.percent - b.percent || a.label.localeCompare(b.label, 'en-US'));
}

function completion(key: string, label: string, duties: readonly Duty[]): Completion {
  const done = duties.filter((duty) => duty.status === 'done').length;
  const total = duties.length;
  return { key, label, total, done, percent: total === 0 ? 100 : Math.floor((done / total) * 100) }; // prettier-ignore
}

/** The incomplete acknowledgments as CSV: person, role, policy, due date, status. */
export function incompleteAcknowledgmentsCsv(
  report: AcknowledgmentReport,
  policies: readonly Pick<Policy, 'id' | 'number' | 'title'>[],
  staff: readonly Pick<StaffMember, 'id' | 'name' | 'role'>[],
): string {
  const policyById = new Map(policies.map((policy) => [policy.id, policy]));
  const personById = new Map(staff.map((person) => [person.id, person]));
  return toCsv(
    ['Person', 'Role', 'Policy', 'Title', 'Due', 'Status'],
    report.incomplete.map((duty) => {
      const person = personById.get(duty.staffId);
      const policy = policyById.get(duty.policyId);
      return [
        person?.name ?? duty.staffId,
        person ? ROLE_LABELS[person.role] : '',
        policy?.number ?? duty.policyId,
        policy?.title ?? '',
        duty.dueOn,
        duty.status === 'overdue' ? 'Overdue' : 'Due',
      ];
    }),
  );
}
