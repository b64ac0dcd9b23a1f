import 'fake-indexeddb/auto';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { holdStands } from '@clinicdesk/shared/filing/legal-hold/held-by.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../../db/database.ts';
import { readDocument } from '../../db/documents.svelte.ts';
import { placeLegalHold, releaseLegalHold } from './legal-holds.actions.ts';
import { currentRecords, type RetentionWorkspace } from './retention-records.ts';
import {
  addRetentionRule,
  addSuggestedRules,
  editRetentionRule,
  setRetentionRuleArchived,
} from './retention-rules.actions.ts';
import { suggestDefaults } from './suggested-defaults.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000b';
const CLINICAL = '019abc00-0000-7000-8000-000000000101';
const PATIENT = '019abc00-0000-7000-8000-000000000201';
let opened: ClinicDatabase[] = [];
let databases = 0;

/** A device's database (fake IndexedDB) signed in with this role. */
async function deviceOf(role: Role): Promise<RetentionWorkspace> {
  const user = { id: `u-${role}`, username: role, displayName: `Synthetic ${role}`, role };
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: DEVICE },
    { name: `retentionactions${++databases}`, multiInstance: false },
  );
  opened.push(db);
  return { user, deviceId: DEVICE, db };
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.remove()));
  opened = [];
});

const RULE = {
  name: 'Clinical records',
  categoryId: CLINICAL,
  basis: 'document-date',
  years: 10,
} as const;

describe('retention rules on a device', () => {
  it('adds, changes and archives a rule; nothing is ever deleted', async () => {
    const manager = await deviceOf('office-manager');
    const added = await addRetentionRule(manager, { ...RULE, citation: '22 TAC 165.1' });
    if (!added.ok) throw new Error(added.error.message);

    const changed = await editRetentionRule(manager, added.value.id, {
      ...RULE,
      basis: 'age-of-majority',
      majorityAge: 21,
    });
    expect(changed).toMatchObject({ ok: true });
    const stored = await readDocument(manager, 'retentionRule', added.value.id);
    expect(stored).toMatchObject({ basis: 'age-of-majority', majorityAge: 21, years: 10 });
    // The form left the citation empty: it goes.
    expect(stored && 'citation' in stored).toBe(false);

    expect(await setRetentionRuleArchived(manager, added.value.id, true)).toMatchObject({
      ok: true,
      value: { archived: true },
    });
    const back = await setRetentionRuleArchived(manager, added.value.id, false);
    expect(back.ok && 'archived' in back.value).toBe(false);
    expect(await currentRecords(manager, 'retentionRule')).toHaveLength(1);
  });

  it('refuses a rule from anyone but the office manager, and stores nothing', async () => {
    const desk = await deviceOf('front-desk');
    expect(await addRetentionRule(desk, RULE)).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await currentRecords(desk, 'retentionRule')).toEqual([]);
  });

  it('adds the chosen defaults with their sources as citations', async () => {
    const manager = await deviceOf('office-manager');
    const [clinical] = suggestDefaults([{ id: CLINICAL, name: 'Clinical' }], []);
    if (!clinical) throw new Error('no suggestion');
    const added = await addSuggestedRules(manager, [
      { suggestion: clinical, categoryId: CLINICAL },
    ]);
    expect(added.ok && added.value.map((rule) => [rule.name, rule.basis, rule.years])).toEqual([
      ['Patient records (from the last visit)', 'last-visit', 10],
      ['Patient records (minors, from coming of age)', 'age-of-majority', 10],
    ]);
    const stored = await currentRecords(manager, 'retentionRule');
    expect(stored.every((rule) => rule.citation === clinical.source)).toBe(true);
  });
});

describe('legal holds on a device', () => {
  it('places a hold on a patient, stamped by who placed it, and releases it once', async () => {
    const manager = await deviceOf('office-manager');
    const placed = await placeLegalHold(manager, {
      on: { patientId: PATIENT },
      reason: '  Records request from an attorney ',
      matter: '',
    });
    if (!placed.ok) throw new Error(placed.error.message);
    expect(placed.value).toMatchObject({
      patientId: PATIENT,
      reason: 'Records request from an attorney',
      placed: { by: { userId: 'u-office-manager', deviceId: DEVICE } },
    });
    expect('matter' in placed.value).toBe(false);

    const released = await releaseLegalHold(manager, placed.value.id);
    if (!released.ok) throw new Error(released.error.message);
    expect(holdStands(released.value, new Date(Date.now() + 1000).toISOString())).toBe(false);
    expect(await releaseLegalHold(manager, placed.value.id)).toMatchObject({
      ok: false,
      error: { code: 'already-released' },
    });
  });

  it('asks for a reason, and lets only the office manager hold records', async () => {
    const manager = await deviceOf('office-manager');
    expect(
      await placeLegalHold(manager, { on: { patientId: PATIENT }, reason: ' ', matter: '' }),
    ).toMatchObject({ ok: false, error: { field: 'reason' } });
    const billing = await deviceOf('billing');
    expect(
      await placeLegalHold(billing, { on: { patientId: PATIENT }, reason: 'Audit', matter: '' }),
    ).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await currentRecords(manager, 'legalHold')).toEqual([]);
  });
});
