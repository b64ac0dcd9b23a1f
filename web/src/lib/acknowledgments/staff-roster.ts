import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import type { StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import { canUse } from '@clinicdesk/shared/auth/permissions.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import { listStaff } from '../api/staff.api.ts';

/**
 * Who the acknowledgment rules run over. Staff accounts live on the server and only a session
 * with `staff.manage` (the administrator) may list them (`/api/staff`; the office manager may
 * not). So a device also remembers every person who has signed in on it, with their role: the
 * shared reception tablet knows its regulars, offline, for "Someone else acknowledging?". The
 * list last fetched and the people seen are kept in this browser's storage (names and roles,
 * no patient data). An account's start date is the day it was opened; its role's start is not recorded by
 * the server, so a role change counts from the same day (TODO(#13): a roster route for the
 * office manager with role dates).
 */
export type Roster = { people: StaffMember[]; source: 'server' | 'device' };

const KEY = 'clinicdesk.staff-roster';
const SEEN_KEY = 'clinicdesk.staff-seen';

export function memberOf(
  account: Pick<StaffAccount, 'id' | 'displayName' | 'role' | 'active' | 'createdAt'>,
): StaffMember {
  const day = account.createdAt.slice(0, 10);
  return { id: account.id, name: account.displayName, role: account.role, active: account.active, startedOn: day, roleSince: day }; // prettier-ignore
}

function remembered(key: string): StaffMember[] {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as StaffMember[]) : [];
  } catch {
    return [];
  }
}

/** The session's own person first, then the server's list (when it may) and the people seen here. */
export async function loadRoster(user: SessionUser, startedOn: string): Promise<Roster> {
  const seen = remembered(SEEN_KEY);
  const self: StaffMember = { id: user.id, name: user.displayName, role: user.role, active: true, startedOn, roleSince: startedOn }; // prettier-ignore
  const stillSeen = [self, ...seen.filter((person) => person.id !== user.id)];
  localStorage.setItem(SEEN_KEY, JSON.stringify(stillSeen));
  let people = remembered(KEY);
  let source: Roster['source'] = 'device';
  if (canUse(user.role, 'staff.manage')) {
    const listed = await listStaff();
    if (listed.ok) {
      people = listed.value.staff.map(memberOf);
      localStorage.setItem(KEY, JSON.stringify(people));
      source = 'server';
    }
  }
  const listed = new Set(people.map((person) => person.id));
  const others = stillSeen.filter((person) => !listed.has(person.id));
  const all = [...people, ...others];
  const me = all.find((person) => person.id === user.id) ?? self;
  return { people: [me, ...all.filter((person) => person.id !== user.id)], source };
}
