import 'fake-indexeddb/auto';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { FiledDocument } from '@clinicdesk/shared/filing/filed-document.schema.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../../db/database.ts';
import { readDocument } from '../../db/documents.svelte.ts';
import {
  addCategory,
  moveCategory,
  setCategoryReaders,
  startFromSuggestedTree,
} from './categories.actions.ts';
import { addCustomField, changeCustomField } from './document-types.actions.ts';
import { addCorrespondent, addTag, EMPTY_CORRESPONDENT } from './labels.actions.ts';
import { setMatching } from './matching.actions.ts';
import { currentRecords, type SetupWorkspace } from './setup-records.ts';
import { restoreFromTrash } from './trash.actions.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000a';
let opened: ClinicDatabase[] = [];
let databases = 0;

/** A device's database (fake IndexedDB) signed in with this role. */
async function deviceOf(role: Role): Promise<SetupWorkspace> {
  const user = { id: `u-${role}`, username: role, displayName: `Synthetic ${role}`, role };
  const db = await openClinicDatabase(
    user.id,
    { userId: user.id, name: user.displayName, deviceId: DEVICE },
    { name: `setupactions${++databases}`, multiInstance: false },
  );
  opened.push(db);
  return { user, deviceId: DEVICE, db };
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.remove()));
  opened = [];
});

const named = async (device: SetupWorkspace, name: string) => {
  const found = (await currentRecords(device, 'category')).find((c) => c.name === name);
  if (!found) throw new Error(`No category ${name}`);
  return found;
};

describe('the filing setup on a device', () => {
  it('makes the suggested tree once, stamped with who made it', async () => {
    const manager = await deviceOf('office-manager');
    expect(await startFromSuggestedTree(manager)).toMatchObject({ ok: true });
    const labs = await named(manager, 'Labs');
    expect(labs.editedBy).toMatchObject({ userId: 'u-office-manager', deviceId: DEVICE });
    expect((await currentRecords(manager, 'documentType')).length).toBeGreaterThan(10);
    expect(await startFromSuggestedTree(manager)).toMatchObject({
      ok: false,
      error: { message: 'This practice already has categories' },
    });
  });

  it('refuses to move a category inside itself, and leaves it where it was', async () => {
    const manager = await deviceOf('office-manager');
    await startFromSuggestedTree(manager);
    const clinical = await named(manager, 'Clinical');
    const labs = await named(manager, 'Labs');
    expect(await moveCategory(manager, clinical.id, labs.id)).toMatchObject({
      ok: false,
      error: { code: 'move-under-descendant' },
    });
    expect((await named(manager, 'Clinical')).parentId).toBeUndefined();
    const practice = await named(manager, 'Practice');
    expect(await moveCategory(manager, labs.id, practice.id)).toMatchObject({ ok: true });
    expect((await named(manager, 'Labs')).parentId).toBe(practice.id);
  });

  it('refuses a second sibling of one name', async () => {
    const manager = await deviceOf('office-manager');
    await startFromSuggestedTree(manager);
    const outside = await named(manager, 'Outside records');
    expect(await addCategory(manager, { name: ' labs ', parentId: outside.id })).toMatchObject({
      ok: false,
      error: { code: 'name-taken' },
    });
  });

  it('keeps the office manager on a restricted list, and opening removes the list', async () => {
    const manager = await deviceOf('office-manager');
    const made = await addCategory(manager, { name: 'Pathology' });
    if (!made.ok) throw new Error(made.error.message);
    await setCategoryReaders(manager, made.value.id, ['clinician']);
    expect((await named(manager, 'Pathology')).readRoles).toEqual(['clinician', 'office-manager']);
    await setCategoryReaders(manager, made.value.id, [
      'front-desk',
      'billing',
      'clinician',
      'office-manager',
    ]);
    expect(await named(manager, 'Pathology')).not.toHaveProperty('readRoles');
  });

  it('changes a choice field’s choices but never what a field holds', async () => {
    const manager = await deviceOf('office-manager');
    await startFromSuggestedTree(manager);
    const invoice = (await currentRecords(manager, 'documentType')).find(
      (t) => t.name === 'Invoice',
    );
    const field = await addCustomField(manager, {
      documentTypeId: invoice?.id ?? '',
      name: 'Paid by',
      fieldType: 'choice',
      choices: ['Check', 'Card'],
    });
    if (!field.ok) throw new Error(field.error.message);
    const changed = await changeCustomField(manager, field.value.id, { choices: ['Check', 'ACH'] });
    expect(changed).toMatchObject({ ok: true, value: { fieldType: 'choice', choices: ['Check', 'ACH'] } }); // prettier-ignore
    expect(
      await addCustomField(manager, {
        documentTypeId: invoice?.id ?? '',
        name: 'Method',
        fieldType: 'choice',
        choices: [],
      }),
    ).toMatchObject({ ok: false, error: { message: 'A choice field needs at least one choice' } });
  });

  it('refuses a matching rule that could stall the tablet, with its reason', async () => {
    const manager = await deviceOf('office-manager');
    const made = await addCategory(manager, { name: 'Labs' });
    if (!made.ok) throw new Error(made.error.message);
    const rule = { algorithm: 'regex' as const, pattern: '(a+)+b', caseSensitive: false };
    expect(await setMatching(manager, 'category', made.value.id, rule)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await named(manager, 'Labs')).not.toHaveProperty('matching');
  });

  it('lets the desk add tags and correspondents but not categories', async () => {
    const desk = await deviceOf('front-desk');
    expect(await addCategory(desk, { name: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await addTag(desk, 'Needs review')).toMatchObject({ ok: true });
    const lab = await addCorrespondent(desk, {
      ...EMPTY_CORRESPONDENT,
      name: 'Synthetic Lab',
      correspondentType: 'lab',
      phone: '555-201-0100',
    });
    expect(lab).toMatchObject({ ok: true, value: { phone: '+15552010100' } });
    expect(
      await addCorrespondent(desk, {
        ...EMPTY_CORRESPONDENT,
        name: 'Half an address',
        correspondentType: 'vendor',
        city: 'Springfield',
      }),
    ).toMatchObject({ ok: false, error: { message: 'Choose a state' } });
  });

  it('restores a trashed document to where it was filed', async () => {
    const manager = await deviceOf('office-manager');
    const stamp = {
      at: '2026-11-01T10:00:00.000Z',
      by: { userId: 'u-office-manager', name: 'Synthetic office-manager', deviceId: DEVICE },
    };
    const doc: FiledDocument = {
      id: '019abc00-0000-7000-8000-000000000077',
      kind: 'filedDocument',
      title: 'CBC results — synthetic',
      source: 'upload',
      versions: {},
      captured: stamp,
      filed: stamp,
      trashed: stamp,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    };
    await manager.db.filing.insert(doc);
    const outcome = await restoreFromTrash(manager, doc.id);
    expect(outcome).toMatchObject({ ok: true });
    const restored = await readDocument(manager, 'filedDocument', doc.id);
    expect(restored).not.toHaveProperty('trashed');
    expect(restored?.title).toBe('CBC results — synthetic');
  });
});
