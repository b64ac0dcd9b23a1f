import 'fake-indexeddb/auto';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { FILING_SETTINGS_ID } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../../db/database.ts';
import { readDocument } from '../../db/documents.svelte.ts';
import type { SetupWorkspace } from '../setup/setup-records.ts';
import { saveFilingSettings } from './filing-settings.actions.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000a';
let opened: ClinicDatabase[] = [];
let databases = 0;

async function deviceOf(role: Role): Promise<SetupWorkspace> {
  const user = { id: `u-${role}`, username: role, displayName: `Synthetic ${role}`, role };
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: DEVICE },
    { name: `filingsettings${++databases}`, multiInstance: false },
  );
  opened.push(db);
  return { user, deviceId: DEVICE, db };
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.remove()));
  opened = [];
});

const typed = { offlineBudgetMb: '500', recentDocumentDays: '365', trashDays: '30' };
const stored = (device: SetupWorkspace) =>
  readDocument(device, 'filingSettings', FILING_SETTINGS_ID);

describe('the practice’s filing settings on a device', () => {
  it('are made once at the practice’s id, then changed field by field', async () => {
    const manager = await deviceOf('office-manager');
    expect(await saveFilingSettings(manager, { ...typed, trashDays: '14' })).toMatchObject({ ok: true }); // prettier-ignore
    expect(await stored(manager)).toMatchObject({
      id: FILING_SETTINGS_ID,
      offlineBudgetMb: 500,
      trashDays: 14,
      editedBy: { userId: 'u-office-manager', deviceId: DEVICE },
    });
    expect(await saveFilingSettings(manager, { ...typed, offlineBudgetMb: '2,000', trashDays: '14' })).toMatchObject({ ok: true }); // prettier-ignore
    expect(await stored(manager)).toMatchObject({ offlineBudgetMb: 2000, trashDays: 14 });
  });

  it('store nothing when a value is wrong, and say which and why', async () => {
    const manager = await deviceOf('office-manager');
    expect(await saveFilingSettings(manager, { ...typed, recentDocumentDays: '0' })).toMatchObject({
      ok: false,
      error: { field: 'recentDocumentDays', message: expect.stringMatching(/from 1 to 3,650/) },
    });
    expect(await stored(manager)).toBeNull();
  });

  it('are the office manager’s to change', async () => {
    const desk = await deviceOf('front-desk');
    expect(await saveFilingSettings(desk, typed)).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: 'Only the office manager can change this' },
    });
    expect(await stored(desk)).toBeNull();
  });
});
