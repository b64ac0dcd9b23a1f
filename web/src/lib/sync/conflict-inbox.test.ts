import 'fake-indexeddb/auto';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../db/database.ts';
import { openConflictItems } from './conflict-inbox.svelte.ts';

const editor = { userId: 'u1', name: 'Ana Lima', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const SURVIVOR = '019abc00-0000-7000-8000-000000000001';
const id = (n: number) => `019abc00-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A patient with an open conflict on the phone, merged away into another chart or not. */
function conflicted(n: number, mergedInto?: string): Patient {
  return {
    id: id(n),
    kind: 'patient',
    givenName: 'Isolde',
    familyName: 'Quennell',
    dateOfBirth: '1984-03-09',
    sex: 'female',
    phone: '+15550100123',
    ...(mergedInto ? { mergedInto } : {}),
    conflicts: {
      c1: {
        path: 'phone',
        kept: { value: '+15550100123' },
        other: { value: '+15550100999', at: '2026-12-02T09:00:00.000Z' },
        status: 'open',
      },
    },
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
  };
}

let db: ClinicDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('the conflict inbox', () => {
  it('offers a settlement only where the role may change the record as it stands', async () => {
    db = await openClinicDatabase('u1', editor, { name: 'inboxroles', multiInstance: false });
    await db.patients.bulkInsert([conflicted(2), conflicted(3, SURVIVOR)]);

    const desk = await firstValueFrom(openConflictItems(db, 'front-desk'));
    const settleable = Object.fromEntries(desk.map((item) => [item.documentId, item.settleable]));
    // A chart merged into another is frozen for the desk: the server would refuse its change.
    expect(settleable).toEqual({ [id(2)]: true, [id(3)]: false });

    const manager = await firstValueFrom(openConflictItems(db, 'office-manager'));
    expect(manager.map((item) => item.settleable)).toEqual([true, true]);
  });
});
