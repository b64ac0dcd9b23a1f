/** Staff roles. Every person has their own account with exactly one role. */
export const ROLES = ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'front-desk': 'Front desk',
  billing: 'Billing',
  clinician: 'Clinician',
  'office-manager': 'Office manager',
  admin: 'Administrator',
};

/** What the signed-in user's device keeps so that it can keep working offline. */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
};
