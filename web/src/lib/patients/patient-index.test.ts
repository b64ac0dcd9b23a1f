import 'fake-indexeddb/auto';
import { foldName } from '@clinicdesk/shared/patients/fold-name.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { patientQuery } from '@clinicdesk/shared/patients/search-patients.ts';
import { describe, expect, it } from 'vitest';
import { type ClinicDatabase, openClinicDatabase } from '../db/database.ts';
import { LivePatientIndex } from './patient-index.svelte.ts';
import { patientPages } from './patient-pages.ts';

const editor = { userId: 'u1', name: 'Ana', deviceId: '019abc00-0000-7000-8000-00000000000a' };

/** Family names as people write them: capitals, lower-case particles, accents, punctuation. */
const FAMILY = ['Smith', 'Aaberg', 'Abbott', 'de la Cruz', 'Ávila', "O'Brien", 'McDonald', 'Mcadams', 'van Dyke', 'Zhou', 'Øster', 'Ng', 'SMYTHE', 'Lee-Park', 'abbas']; // prettier-ignore
const GIVEN = ['Ana', 'Ben', 'Chloé', 'dan', 'Eve', 'Femi'];

function patient(n: number, familyName: string, givenName: string): Patient {
  return {
    id: `019abc00-0000-7000-8000-${String(n).padStart(12, '0')}`,
    givenName,
    familyName,
    dateOfBirth: '1980-01-31',
    sex: 'female',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  } as Patient;
}

/** `count` patients, names cycling through the lists so that many share a family name. */
function clinic(count: number): Patient[] {
  return Array.from({ length: count }, (_, n) =>
    patient(n + 1, FAMILY[n % FAMILY.length]!, GIVEN[(n * 7) % GIVEN.length]!),
  );
}

async function openWith(name: string, patients: Patient[]): Promise<ClinicDatabase> {
  const db = await openClinicDatabase('u1', editor, { name, multiInstance: false });
  await db.patients.bulkInsert(patients);
  return db;
}

/**
 * A clinic of thousands written into IndexedDB (fake-indexeddb) takes seconds on a loaded 2-core
 * machine: these tests wait for work to finish, they time nothing, so they get room to finish.
 */
const CLINIC_TEST = { timeout: 60_000 };

const listKey = (p: Pick<Patient, 'familyName' | 'givenName' | 'id'>) =>
  `${foldName(p.familyName)}\u0001${foldName(p.givenName)}\u0001${p.id}`;

describe('patientPages', () => {
  it(
    'reads every patient, and writes between pages make it skip or repeat no other',
    CLINIC_TEST,
    async () => {
      const patients = clinic(700);
      const db = await openWith('pagestest', patients);
      const seen: string[] = [];
      let pages = 0;
      for await (const { records } of patientPages(db.patients, { first: 50, then: 120 })) {
        seen.push(...records.map((doc) => doc.id));
        // Sync writes while the list is being read: a new patient, an edit and a deletion, all
        // in the part of the list still to come.
        if (pages++ === 1) {
          await db.patients.insert(patient(5_000, 'Smith', 'Aaron'));
          await (await db.patients.findOne(patients[13]!.id).exec())!.patch({ givenName: 'Zed' });
          await (await db.patients.findOne(patients[8]!.id).exec())!.remove();
        }
      }
      expect(pages).toBeGreaterThan(5);
      const expected = (await db.patients.find().exec()).map((doc) => doc.id);
      expect(seen).toEqual(expect.arrayContaining(expected));
      // Only the renamed patient may come twice (once before, once after its new name).
      const twice = seen.filter((id, i) => seen.indexOf(id) !== i);
      expect(twice.filter((id) => id !== patients[13]!.id)).toEqual([]);
      await db.remove();
    },
  );
});

describe('LivePatientIndex', () => {
  it(
    'fills the list from the top: rows shown while reading are already in their final place',
    CLINIC_TEST,
    async () => {
      const patients = clinic(2_600);
      const db = await openWith('indextest', patients);
      const index = new LivePatientIndex(db);
      const tops: string[][] = [];
      // Look at the top of the list after each page (the index yields to the browser between).
      while (!index.loaded) {
        if (index.read > 0) tops.push(index.search('', 30).shown.map((p) => p.id));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await index.whenLoaded;
      const final = index.search('', 30).shown.map((p) => p.id);
      expect(tops.filter((top) => top.length > 0).length).toBeGreaterThan(0);
      for (const top of tops) expect(top).toEqual(final.slice(0, top.length));

      const byList = [...patients].sort((a, b) => (listKey(a) < listKey(b) ? -1 : 1));
      expect(final).toEqual(byList.slice(0, 30).map((p) => p.id));
      await db.remove();
    },
  );

  it(
    'answers as the reference search once loaded, with changes made while it was reading',
    CLINIC_TEST,
    async () => {
      const patients = clinic(1_500);
      const db = await openWith('livetest', patients);
      const index = new LivePatientIndex(db);
      await db.patients.insert(patient(9_001, 'Quennell', 'Iris'));
      await (await db.patients.findOne(patients[3]!.id).exec())!.patch({ familyName: 'Ashby' });
      await (await db.patients.findOne(patients[4]!.id).exec())!.remove();
      await index.whenLoaded;
      expect(index.loaded).toBe(true);
      const now = (await db.patients.find().exec()).map((doc) => doc.toJSON() as Patient);
      for (const text of [
        '',
        'smi',
        'quennell',
        'ashby',
        'cruz',
        'avila',
        'obrien',
        'mcd',
        'eve',
      ]) {
        const expected = now.filter(patientQuery(text)).map((p) => p.id);
        const found = index.search(text, Infinity);
        expect(found.total).toBe(expected.length);
        expect(found.shown.map((p) => p.id).sort()).toEqual(expected.sort());
      }
      await db.remove();
    },
  );

  it('finds a typed family name before its page is read', CLINIC_TEST, async () => {
    const db = await openWith('wantedtest', [...clinic(2_400), patient(9_002, 'Zwick', 'Ola')]);
    const index = new LivePatientIndex(db);
    let found = index.search('zwick', 10);
    while (found.total === 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      found = index.search('zwick', 10);
    }
    // Zwick comes last in the list; it was found while the pages before it were still to come.
    expect(index.loaded).toBe(false);
    expect(found.shown.map((p) => p.familyName)).toEqual(['Zwick']);
    await index.whenLoaded;
    await db.remove();
  });
});
