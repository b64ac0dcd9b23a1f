import 'fake-indexeddb/auto';
import { FULL_PATIENT } from '@clinicdesk/shared/patients/full-patient.fixture.ts';
import { partitionRxSchema } from '@clinicdesk/shared/registry/partition-rx-schema.ts';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getAjv, wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { openClinicDatabase } from './database.ts';
import { RELEASE_BEFORE_KINDS_RX_SCHEMAS } from './fixtures/release-before-kinds.rx-schemas.ts';

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
  const release = RELEASE_BEFORE_KINDS_RX_SCHEMAS.patients;
  return {
    ...release,
    version: 1,
    properties: Object.fromEntries(
      Object.entries(release.properties).filter(([key]) => V1_FIELDS.includes(key)),
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
  it('opens over a version-1 database and keeps its patients as they were, stamped patients', async () => {
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
    expect(migrated?.toJSON()).toEqual({ ...OLD_PATIENT, kind: 'patient' });
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
    version: 4,
    hash: '6610b45936f7af206a276a741a1112a2164c3220a5dc51f85fe5fb46be8a6464',
  },
  chartMerges: {
    version: 1,
    hash: 'ebc6e3855d357ebcb46b4c134d5fc306478b7e6b64f657da064d16059b0b3d54',
  },
  visits: { version: 1, hash: '349d591b28bb136273b30ffaca8389162f65e2c300ea57de5be20afc3fb9572c' },
  filing: { version: 1, hash: 'f43b8fa08f7d0608411416839baeda3d3a64d7fc622d86e1ae22e61a5f3e2a6c' },
  disclosures: {
    version: 0,
    hash: '938e2e6be94da74ac9f05ba8863fdd5621b26d56fa3b5406eab73df772dab8f9',
  },
  policies: {
    version: 0,
    hash: '4194d720464da273a017c61dec10d087f99fd84a4639331ca7dc3b3458d3e805',
  },
  acknowledgments: {
    version: 0,
    hash: '5b53d1b22d7751c5a2c3c88b004f0c9248e5038d2022cfbdcc8e824d23517152',
  },
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
