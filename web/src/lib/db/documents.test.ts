import 'fake-indexeddb/auto';
import type { ChartMerge } from '@clinicdesk/shared/charts/chart-merge.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { fail, ok } from '@clinicdesk/shared/result.ts';
import type { Observable } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from './database.ts';
import {
  type DocumentSource,
  editDocument,
  observeDocument,
  observeDocuments,
  observeFind,
  readDocument,
  readDocuments,
} from './documents.svelte.ts';

const editor = { userId: 'u1', name: 'Ana', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const id = (n: number) => `019abc00-0000-7000-8000-${String(n).padStart(12, '0')}`;

function patient(n: number, givenName = 'Ana', familyName = 'Lopez'): Patient {
  return {
    id: id(n),
    givenName,
    familyName,
    dateOfBirth: '1980-01-31',
    sex: 'female',
    kind: 'patient',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  } as Patient;
}

function chartMerge(n: number, survivor: number, merged: number): ChartMerge {
  return {
    id: id(n),
    survivorId: id(survivor),
    mergedId: id(merged),
    choices: {},
    kind: 'chartMerge',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
  } as ChartMerge;
}

let opened: ClinicDatabase[] = [];
let databases = 0;

/** A device's database (fake IndexedDB) holding these patients, as a workspace gives it. */
async function deviceWith(
  ...patients: Patient[]
): Promise<DocumentSource & { db: ClinicDatabase }> {
  const db = await openClinicDatabase('u1', editor, {
    name: `documentstest${++databases}`,
    multiInstance: false,
  });
  opened.push(db);
  if (patients.length > 0) await db.patients.bulkInsert(patients);
  return { db };
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.remove()));
  opened = [];
});

/** Every value an observable gives, as it gives them (a screen's view of it). */
function watch<T>(observable: Observable<T>): {
  values: T[];
  latest: () => T | undefined;
  stop: () => void;
} {
  const values: T[] = [];
  const subscription = observable.subscribe((value) => values.push(value));
  return { values, latest: () => values.at(-1), stop: () => subscription.unsubscribe() };
}

/** The revision RxDB holds for a record: it changes with every write, and only then. */
async function revisionOf(source: { db: ClinicDatabase }, recordId: string) {
  const [stored] = await source.db.patients.storageInstance.findDocumentsById([recordId], true);
  return stored?._rev;
}

const rename = (givenName: string) => (current: Patient) => ok({ ...current, givenName });

describe('reading', () => {
  it('a record, then each state another tab or a sync writes, then null once it is deleted', async () => {
    const device = await deviceWith(patient(1));
    const seen = watch(observeDocument(device, 'patient', id(1)));
    await vi.waitFor(() => expect(seen.latest()?.givenName).toBe('Ana'));

    // Written without the layer, as a sync's pull writes.
    const doc = await device.db.patients.findOne(id(1)).exec();
    await doc!.incrementalPatch({ givenName: 'Anna' });
    await vi.waitFor(() => expect(seen.latest()?.givenName).toBe('Anna'));

    await (await device.db.patients.findOne(id(1)).exec())!.remove();
    await vi.waitFor(() => expect(seen.latest()).toBeNull());
    seen.stop();
    // Plain data, without RxDB's revision or metadata.
    expect(Object.keys(seen.values[0]!)).not.toContain('_rev');
  });

  it('null for a record not on this device, and the record once it arrives', async () => {
    const device = await deviceWith();
    const seen = watch(observeDocument(device, 'patient', id(7)));
    await vi.waitFor(() => expect(seen.values).toEqual([null]));
    await device.db.patients.insert(patient(7, 'Ben'));
    await vi.waitFor(() => expect(seen.latest()?.givenName).toBe('Ben'));
    seen.stop();
  });

  it('a query kept current: a record that comes to match appears, one that does not never does', async () => {
    const device = await deviceWith();
    await device.db.chartMerges.bulkInsert([chartMerge(10, 1, 2), chartMerge(11, 3, 4)]);
    const seen = watch(
      observeFind(device, 'chartMerge', {
        selector: { $or: [{ survivorId: id(2) }, { mergedId: id(2) }] },
      }),
    );
    await vi.waitFor(() => expect(seen.latest()?.map((m) => m.id)).toEqual([id(10)]));

    await device.db.chartMerges.bulkInsert([chartMerge(12, 2, 5), chartMerge(13, 6, 7)]);
    await vi.waitFor(() => expect(seen.latest()?.map((m) => m.id)).toEqual([id(10), id(12)]));
    seen.stop();
  });

  it('records by id: only those on the device, kept current', async () => {
    const device = await deviceWith(patient(1), patient(2, 'Ben'));
    const seen = watch(observeDocuments(device, 'patient', [id(1), id(3)]));
    await vi.waitFor(() => expect([...(seen.latest()?.keys() ?? [])]).toEqual([id(1)]));
    await device.db.patients.insert(patient(3, 'Cara'));
    await vi.waitFor(() => expect(seen.latest()?.get(id(3))?.givenName).toBe('Cara'));
    seen.stop();

    const now = await readDocuments(device, 'patient', [id(2), id(9)]);
    expect([...now.values()].map((p) => p.givenName)).toEqual(['Ben']);
    expect(await readDocument(device, 'patient', id(9))).toBeNull();
  });

  it('typed by partition: each answers its collection’s own record', async () => {
    const device = await deviceWith(patient(1));
    const found = await readDocument(device, 'patient', id(1));
    expect(found?.givenName).toBe('Ana');
    const merge = await readDocument(device, 'chartMerge', id(1));
    // @ts-expect-error a chart merge has no given name
    expect(merge?.givenName).toBeUndefined();
  });
});

describe('editDocument', () => {
  it('changes the latest stored state: a write that landed after the screen read the record stays', async () => {
    const device = await deviceWith(patient(1));
    const onScreen = await readDocument(device, 'patient', id(1));
    // A sync lands while the receptionist looks at the screen.
    await (await device.db.patients.findOne(id(1)).exec())!.incrementalPatch({
      familyName: 'Ruiz',
    });

    const saved = await editDocument(device, 'patient', id(1), rename('Anna'));
    expect(saved).toMatchObject({ ok: true, value: { givenName: 'Anna', familyName: 'Ruiz' } });
    expect(onScreen?.familyName).toBe('Lopez');
    const stored = await readDocument(device, 'patient', id(1));
    expect(stored).toMatchObject({ givenName: 'Anna', familyName: 'Ruiz' });
    // Stamped by the device's database like any local write.
    expect(stored?.editedBy).toEqual(editor);
  });

  it('two edits made at once both land', async () => {
    const device = await deviceWith(patient(1));
    const results = await Promise.all([
      editDocument(device, 'patient', id(1), rename('Anna')),
      editDocument(device, 'patient', id(1), (current) => ok({ ...current, familyName: 'Ruiz' })),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await readDocument(device, 'patient', id(1))).toMatchObject({
      givenName: 'Anna',
      familyName: 'Ruiz',
    });
  });

  it('a record not on this device: "not-on-device", and nothing is stored', async () => {
    const device = await deviceWith(patient(1));
    const change = vi.fn(rename('Anna'));
    const result = await editDocument(device, 'patient', id(2), change);
    expect(result).toEqual(fail({ code: 'not-on-device', id: id(2) }));
    expect(change).not.toHaveBeenCalled();
    expect(await device.db.patients.count().exec()).toBe(1);
    expect(await revisionOf(device, id(2))).toBeUndefined();
  });

  it('a deleted record: "deleted", and it stays deleted', async () => {
    const device = await deviceWith(patient(1));
    await (await device.db.patients.findOne(id(1)).exec())!.remove();
    const before = await revisionOf(device, id(1));

    const result = await editDocument(device, 'patient', id(1), rename('Anna'));
    expect(result).toEqual(fail({ code: 'deleted', id: id(1) }));
    expect(await readDocument(device, 'patient', id(1))).toBeNull();
    expect(await revisionOf(device, id(1))).toBe(before);
  });

  it('a record deleted by another tab while the edit is on its way stays deleted', async () => {
    const device = await deviceWith(patient(1));
    const doc = await device.db.patients.findOne(id(1)).exec();
    let calls = 0;
    const result = await editDocument(device, 'patient', id(1), (current) => {
      // The first look at the record: another tab deletes it before the edit is written.
      if (calls++ === 0) void doc!.remove();
      return ok({ ...current, givenName: 'Anna' });
    });
    expect(result).toEqual(fail({ code: 'deleted', id: id(1) }));
    const [stored] = await device.db.patients.storageInstance.findDocumentsById([id(1)], true);
    expect(stored).toMatchObject({ _deleted: true, givenName: 'Ana' });
  });

  it('a change that refuses answers its own error and stores nothing', async () => {
    const device = await deviceWith(patient(1));
    const before = await revisionOf(device, id(1));
    const result = await editDocument(device, 'patient', id(1), (current) =>
      current.mergedInto ? ok(current) : fail({ code: 'not-merged' as const }),
    );
    expect(result).toEqual(fail({ code: 'not-merged' }));
    expect(await revisionOf(device, id(1))).toBe(before);
  });

  it('a change that leaves the record as it was writes nothing', async () => {
    const device = await deviceWith(patient(1));
    const before = await revisionOf(device, id(1));
    const result = await editDocument(device, 'patient', id(1), (current) =>
      ok({ ...current, givenName: 'Ana' }),
    );
    expect(result).toMatchObject({ ok: true, value: { givenName: 'Ana' } });
    expect(await revisionOf(device, id(1))).toBe(before);
  });

  it('a change that answers another record is refused as a bug, and nothing is stored', async () => {
    const device = await deviceWith(patient(1), patient(2, 'Ben'));
    const before = await revisionOf(device, id(2));
    await expect(
      editDocument(device, 'patient', id(1), (current) => ok({ ...current, id: id(2) })),
    ).rejects.toThrow(`An edit of patients/${id(1)} answered the id ${id(2)}`);
    expect(await readDocument(device, 'patient', id(2))).toMatchObject({ givenName: 'Ben' });
    expect(await revisionOf(device, id(2))).toBe(before);
  });
});
