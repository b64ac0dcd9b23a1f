import { chartNumber } from '@clinicdesk/shared/charts/chart-number.ts';
import { PUSH_ROWS_MAX } from '@clinicdesk/shared/sync/protocol.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import type { Store } from '../storage/store.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import { generateDemoPatients } from './demo-patients.ts';

/** The demo devices that "filed" the seeded documents (fixed ids; no such device signs in). */
const DEMO_FILING_DEVICE = '0195a0c4-0000-7000-8000-00000000d3e0';

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
    /** Where the documents' files go; without it the demo has no filed documents. */
    blobs?: BlobStorage | undefined;
  },
  patientCount: number,
  documentCount = 0,
): Promise<{ accounts: number; patients: number; documents: number }> {
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
  const documents = deps.blobs ? await seedDemoFiling(deps, patients, documentCount) : 0;
  return { accounts: DEMO_ACCOUNTS.length, patients: patients.length, documents };
}

/** The starter file tree and `count` synthetic documents with their PDFs (issue 12.12). */
async function seedDemoFiling(
  deps: { store: Store; clock: () => Date; blobs?: BlobStorage | undefined },
  patients: readonly Record<string, unknown>[],
  count: number,
): Promise<number> {
  if (!deps.blobs || count <= 0) return 0;
  const editorOf = async (username: string) => {
    const user = await deps.store.findUserByUsername(username);
    if (!user) throw new Error(`The demo account ${username} is missing`);
    return { userId: user.id, name: user.displayName, deviceId: DEMO_FILING_DEVICE };
  };
  // Loaded only to seed documents: PDF making is no part of a server's start otherwise.
  const { generateDemoFiling } = await import('./demo-filing.ts');
  const { records, files } = await generateDemoFiling({
    patients: patients.map((p) => ({
      id: String(p.id),
      givenName: String(p.givenName),
      familyName: String(p.familyName),
      dateOfBirth: String(p.dateOfBirth),
      chartNumber: typeof p.chartNumber === 'string' ? p.chartNumber : undefined,
    })),
    count,
    now: deps.clock(),
    manager: await editorOf('manager'),
    desk: await editorOf('frontdesk'),
  });
  for (const file of files)
    await deps.blobs.put(file.sha256, file.type, new Blob([file.bytes]).stream());
  for (let start = 0; start < records.length; start += PUSH_ROWS_MAX) {
    const rows = records.slice(start, start + PUSH_ROWS_MAX).map((next) => ({ next }));
    await deps.store.push('filing', rows, SEED_WRITER, deps.clock());
  }
  return records.filter((record) => record.kind === 'filedDocument').length;
}
