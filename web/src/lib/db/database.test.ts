import 'fake-indexeddb/auto';
import { FULL_PATIENT } from '@clinicdesk/shared/patients/full-patient.fixture.ts';
import { partitionRxSchema } from '@clinicdesk/shared/registry/partition-rx-schema.ts';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getAjv, wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { openClinicDatabase } from './database.ts';

const editor = { userId: 'u1', name: 'Ana', deviceId: '019abc00-0000-7000-8000-00000000000a' };
/**
 * Dexie on fake IndexedDB, with RxDB checking every write against the JSON schema (the app
 * itself leaves that to the server's zod check). Conflict values are any JSON, which strict
 * Ajv only accepts with union types allowed.
 */
getAjv().opts.allowUnionTypes = true;
const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageDexie() });

/** The collection as version 1 of the app created it: the fields it knew. */
const V1_FIELDS = ['id', 'givenName', 'middleName', 'familyName', 'dateOfBirth', 'sex', 'phone', 'email', 'address', 'photo', 'createdAt', 'updatedAt', 'editedBy', 'conflicts']; // prettier-ignore
function versionOneSchema() {
  const current = partitionRxSchema('patients');
  return {
    ...current,
    version: 1,
    properties: Object.fromEntries(
      Object.entries(current.properties).filter(([key]) => V1_FIELDS.includes(key)),
    ),
  };
}

const OLD_PATIENT = {
  id: '019abc00-0000-7000-8000-000000000001',
  givenName: 'Rowan',
  familyName: 'Ashby',
  dateOfBirth: '1990-07-01',
  sex: 'male',
  phone: '+15550100123',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('the patients collection', () => {
  it('opens over a version-1 database and keeps its patients exactly as they were', async () => {
    const name = 'migrationtest';
    const old = await createRxDatabase<{ patients: RxCollection<object> }>({
      name,
      storage: storage(),
    });
    await old.addCollections({
      patients: { schema: versionOneSchema() as unknown as RxJsonSchema<object> },
    });
    await old.patients.insert(OLD_PATIENT);
    await old.close();

    const db = await openClinicDatabase('u1', editor, { storage: storage(), name });
    const migrated = await db.patients.findOne(OLD_PATIENT.id).exec();
    expect(migrated?.toJSON()).toEqual(OLD_PATIENT);
    await db.remove();
  });

  it('stores the full registration record (every field passes the JSON schema)', async () => {
    const db = await openClinicDatabase('u1', editor, { storage: storage(), name: 'fulltest' });
    await db.patients.insert(FULL_PATIENT);
    const stored = await db.patients.findOne(FULL_PATIENT.id).exec();
    expect(stored?.toMutableJSON()).toEqual({ ...FULL_PATIENT, editedBy: editor });
    await expect(
      db.patients.insert({
        ...FULL_PATIENT,
        id: '019abc00-0000-7000-8000-0000000000f2',
        race: ['purple'],
      } as never),
    ).rejects.toThrow();
    await db.remove();
  });
});

/**
 * RxDB refuses to open a device's collection whose schema hash changed under the same version
 * (and a changed schema needs a version and a migration anyway): these are the hashes devices
 * in the field hold. Change one only together with the collection's version.
 */
const SCHEMA_HASHES = {
  patients: {
    version: 3,
    hash: 'df4e66141b6a15e7b8aa5c077603242e655b5349b825913ec8bcaca00c7513a8',
  },
  chartMerges: {
    version: 0,
    hash: '04f7defd2ec22ce522060276ba26c83edf29c2aae01858adb61ff7ace98347e2',
  },
  visits: { version: 0, hash: 'e02b08cce53edd7956054280200061bb73e7ed702efd88b0f61640942c3406ad' },
};

describe('the schemas devices hold', () => {
  it('keep their RxDB schema hashes (the generated schemas, ADR 14)', async () => {
    const db = await openClinicDatabase('u1', editor, { name: 'hashtest', multiInstance: false });
    const opened = Object.fromEntries(
      await Promise.all(
        Object.values(db.collections).map(async (collection) => [
          collection.name,
          { version: collection.schema.version, hash: await collection.schema.hash },
        ]),
      ),
    );
    expect(opened).toEqual(SCHEMA_HASHES);
    await db.remove();
  });

  it('open a database written with the schemas made from zod at run time, data intact', async () => {
    const name = 'zodschematest';
    const old = await createRxDatabase<{ patients: RxCollection<object> }>({
      name,
      storage: storage(),
    });
    await old.addCollections({
      patients: { schema: partitionRxSchema('patients') as unknown as RxJsonSchema<object> },
    });
    await old.patients.insert({ ...FULL_PATIENT, editedBy: editor });
    await old.close();

    const db = await openClinicDatabase('u1', editor, { storage: storage(), name });
    const stored = await db.patients.findOne(FULL_PATIENT.id).exec();
    expect(stored?.toMutableJSON()).toEqual({ ...FULL_PATIENT, editedBy: editor });
    await db.remove();
  });
});
