import { chartNumber } from '@clinicdesk/shared/charts/chart-number.ts';
import { PUSH_ROWS_MAX } from '@clinicdesk/shared/sync/protocol.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import type { Store } from '../storage/store.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { generateDemoPatients } from './demo-patients.ts';

/** Who the store records as the writer of seeded documents. */
export const SEED_WRITER = { userId: 'seed', username: 'demo-seed', deviceId: 'seed' } as const;

/**
 * Fills an empty server with the demo clinic: one account per role and synthetic patients,
 * written through the same push path as a device's, so they sync like any other write.
 */
export async function seedDemoClinic(
  deps: {
    store: Store;
    clock: () => Date;
    randomBytes: (n: number) => Uint8Array;
  },
  patientCount: number,
): Promise<{ accounts: number; patients: number }> {
  for (const account of DEMO_ACCOUNTS) {
    const created = await createStaffAccount(deps, account, { demoAccount: true });
    if (!created.ok) throw new Error(`Could not create demo account: ${created.error.message}`);
  }
  const generated = generateDemoPatients(patientCount, deps.clock());
  // Chart numbers in registration order, from a block reserved like any device's.
  const block = await deps.store.charts.reserveChartSerials({
    requestId: 'demo-clinic-seed',
    ...SEED_WRITER,
    count: generated.length,
    at: deps.clock(),
  });
  const patients = generated.map((doc, n) => ({
    ...doc,
    chartNumber: chartNumber(block.first + n),
  }));
  for (let start = 0; start < patients.length; start += PUSH_ROWS_MAX) {
    const rows = patients.slice(start, start + PUSH_ROWS_MAX).map((next) => ({ next }));
    await deps.store.push('patients', rows, SEED_WRITER, deps.clock());
  }
  return { accounts: DEMO_ACCOUNTS.length, patients: patients.length };
}
