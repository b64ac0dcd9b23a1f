import { canRead, canUse, canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';

export type MenuItem = { href: string; label: string };

/**
 * What a role sees in the menus, from the same permission table the server enforces. Hiding is
 * a courtesy: the server refuses whatever a role may not do, however it is asked.
 */
export function mainMenu(role: Role): MenuItem[] {
  const items: MenuItem[] = [];
  if (canRead(role, 'patients')) items.push({ href: '/patients', label: 'Patients' });
  if (canUse(role, 'charts.merge')) items.push({ href: '/duplicates', label: 'Duplicates' });
  if (canRead(role, 'visits') && canRead(role, 'patients'))
    items.push({ href: '/check-in', label: 'Check-in' });
  if (canRead(role, 'filing')) items.push({ href: '/filing', label: 'Filing' });
  if (syncTabs(role).length > 0) items.push({ href: '/sync', label: 'Sync' });
  if (canUse(role, 'staff.manage')) items.push({ href: '/staff', label: 'Staff' });
  if (canUse(role, 'audit.report')) items.push({ href: '/audit', label: 'Audit' });
  // Last, so that no role's first page (its home) changes.
  if (canRead(role, 'policies')) items.push({ href: '/policies', label: 'Policies' });
  return items;
}

/** The Sync page's tabs: settling conflicts needs write access, the overview its feature. */
export function syncTabs(role: Role): MenuItem[] {
  const tabs: MenuItem[] = [];
  if (canWriteKind(role, 'patient')) tabs.push({ href: '/sync/conflicts', label: 'Conflicts' });
  if (canUse(role, 'devices.overview')) tabs.push({ href: '/sync/devices', label: 'Devices' });
  return tabs;
}

/**
 * The Filing page's tabs: the documents and the inbox for every reader of filing; the trash for
 * those who may change documents; the setup (category tree, types, fields) for its writers.
 */
export function filingTabs(role: Role): MenuItem[] {
  if (!canRead(role, 'filing')) return [];
  const tabs: MenuItem[] = [
    { href: '/filing', label: 'Documents' },
    { href: '/filing/inbox', label: 'Inbox' },
  ];
  // What this device keeps for an outage: every filing reader's, on their own device.
  if (canUse(role, 'blobs.read')) tabs.push({ href: '/filing/offline', label: 'On this device' });
  if (canWriteKind(role, 'filedDocument')) tabs.push({ href: '/filing/trash', label: 'Trash' });
  // Release of information: its readers only (clinicians file documents but do not release).
  if (canRead(role, 'disclosures')) tabs.push({ href: '/filing/releases', label: 'Releases' });
  if (canWriteKind(role, 'category')) tabs.push({ href: '/filing/setup', label: 'Setup' });
  if (canUse(role, 'filing.disposition'))
    tabs.push({ href: '/filing/retention', label: 'Retention' });
  return tabs;
}

/** Checking a patient in writes a visit and stamps the patient's record. */
export function canCheckIn(role: Role): boolean {
  return canWriteKind(role, 'visit') && canWriteKind(role, 'patient');
}

/** Where a role lands after signing in: the first thing it may use. */
export function homePath(role: Role): string {
  return mainMenu(role)[0]?.href ?? '/patients';
}
