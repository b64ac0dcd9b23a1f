import { ROLE_LABELS, type Role } from '@clinicdesk/shared/auth/roles.ts';

/**
 * The demo clinic's sign-ins, one per role. The passwords are public (printed on every demo
 * start), so these accounts are for trying ClinicDesk out only, never for a real clinic. They
 * are seeded as demo accounts: exempt from the password rules and from the second factor
 * (shared/src/auth/second-factor.ts), which would protect nothing behind a published password.
 */
// prettier-ignore
export const DEMO_ACCOUNTS = [
  { username: 'frontdesk', password: 'demo-frontdesk-2026', role: 'front-desk', displayName: 'Demo Front Desk' },
  { username: 'billing', password: 'demo-billing-2026', role: 'billing', displayName: 'Demo Billing' },
  { username: 'clinician', password: 'demo-clinician-2026', role: 'clinician', displayName: 'Demo Clinician' },
  { username: 'manager', password: 'demo-manager-2026', role: 'office-manager', displayName: 'Demo Office Manager' },
  { username: 'admin', password: 'demo-admin-2026', role: 'admin', displayName: 'Demo Administrator' },
] as const satisfies readonly { username: string; password: string; role: Role; displayName: string }[];

/** The banner printed on every `--demo` start. */
export function formatDemoBanner(url: string): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.username.length)) + 2;
  const passwordWidth = Math.max(...DEMO_ACCOUNTS.map((a) => a.password.length)) + 2;
  const rows = DEMO_ACCOUNTS.map(
    (account) =>
      `    ${account.username.padEnd(width)}${account.password.padEnd(passwordWidth)}${ROLE_LABELS[account.role]}`,
  );
  return [
    '',
    '  ClinicDesk demo clinic (synthetic patients only)',
    `  Open ${url} in Chrome, Edge or Safari.`,
    '',
    `    ${'username'.padEnd(width)}${'password'.padEnd(passwordWidth)}role`,
    ...rows,
    '',
    '  These accounts and passwords are for the demo only. Never use them for a real clinic.',
    '  (Being public, they sign in without the second factor that real office managers and',
    '  administrators must set up.)',
    '',
  ].join('\n');
}
