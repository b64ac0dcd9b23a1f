/**
 * Devices already in use upgrade in place (issue 11): a database written by the release before
 * partitions held kinds — with records pulled from the server and changes not yet pushed — is
 * opened by this release, migrated by the partitions' own pure migrations, and syncs on with
 * nothing lost, nothing pushed twice and no needless conflict. The "server" here is a small
 * in-memory master with the sync server's rules (a push based on another state than the stored
 * one is answered with the stored one); its documents are migrated by the same functions the
 * sync server runs over its store (sync-server/src/storage/document-migrations.ts).
 */
import 'fake-indexeddb/auto';
import { migrateDocument, type PartitionName } from '@clinicdesk/shared/registry/partitions.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import {
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxJsonSchema,
  type WithDeleted,
} from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { openClinicDatabase } from './database.ts';
import { RELEASE_BEFORE_KINDS_RX_SCHEMAS as OLD_SCHEMAS } from './fixtures/release-before-kinds.rx-schemas.ts';

type Doc = Record<string, unknown> & { id: string };
type Checkpoint = { seq: number };

const ANA = { userId: 'u-ana', name: 'Ana Lima', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const BEN = {
  userId: 'u-ben',
  name: 'Ben Okafor',
  deviceId: '019abc00-0000-7000-8000-00000000000b',
};
const P1 = '019abc00-0000-7000-8000-000000000001';
const P2 = '019abc00-0000-7000-8000-000000000002';
const P3 = '019abc00-0000-7000-8000-000000000003';
const AT = '2026-12-01T09:00:00.000Z';
const LATER = '2026-12-01T11:00:00.000Z';
const VISIT = `v-2026-12-01-0-${P1}`;

const patient = (id: string, givenName: string, fields: Record<string, unknown> = {}) => ({
  id,
  givenName,
  familyName: 'Quennell',
  dateOfBirth: '1984-03-09',
  sex: 'female',
  createdAt: AT,
  updatedAt: AT,
  editedBy: BEN,
  ...fields,
});

/** The partitions the release before kinds had (filing came later, new and empty). */
type OldPartition = 'patients' | 'chartMerges' | 'visits';

/** What the server held, as the release before kinds wrote it. */
const SERVER_BEFORE: Record<OldPartition, Doc[]> = {
  patients: [patient(P1, 'Isolde', { phone: '+15550100123' }), patient(P2, 'Marit')],
  chartMerges: [],
  visits: [
    {
      id: VISIT,
      patientId: P1,
      day: '2026-12-01',
      kind: 'walk-in',
      arrived: { at: AT, by: BEN },
      createdAt: AT,
      updatedAt: AT,
      editedBy: BEN,
    },
  ],
};

/** A master with the sync server's rules, and the rows each push carried. */
class Master {
  readonly docs = new Map<string, { doc: WithDeleted<Doc>; seq: number }>();
  readonly pushed: string[] = [];
  readonly conflicts: string[] = [];
  private seq = 0;

  constructor(docs: Doc[]) {
    for (const doc of docs)
      this.docs.set(doc.id, { doc: { ...doc, _deleted: false }, seq: ++this.seq });
  }

  /** The server's document migration, by the partition's own steps. */
  migrate(partition: PartitionName, from: number) {
    for (const entry of this.docs.values()) {
      const { _deleted, ...doc } = entry.doc;
      const migrated = migrateDocument(partition, from, doc);
      entry.doc = { ...(migrated as Doc), _deleted };
    }
  }

  replicate(collection: RxCollection, partition: PartitionName) {
    return replicateRxCollection<Doc, Checkpoint>({
      replicationIdentifier: `clinicdesk-sync-v1-${partition}`,
      collection: collection as unknown as RxCollection<Doc>,
      live: false,
      pull: {
        handler: (checkpoint) => {
          const after = checkpoint?.seq ?? 0;
          const page = [...this.docs.values()].filter((e) => e.seq > after).sort((a, b) => a.seq - b.seq); // prettier-ignore
          return Promise.resolve({
            documents: page.map((e) => e.doc),
            checkpoint: { seq: page.at(-1)?.seq ?? after },
          });
        },
      },
      push: {
        handler: (rows) => {
          const conflicts: WithDeleted<Doc>[] = [];
          for (const row of rows) {
            const id = row.newDocumentState.id;
            const stored = this.docs.get(id)?.doc;
            if (stored && !sameDocumentState(stored, row.assumedMasterState)) {
              this.conflicts.push(id);
              conflicts.push(stored);
              continue;
            }
            this.pushed.push(id);
            this.docs.set(id, { doc: row.newDocumentState, seq: ++this.seq });
          }
          return Promise.resolve(conflicts);
        },
      },
    });
  }
}

const storage = () => getRxStorageDexie();
const keepServer: RxConflictHandler<Doc> = {
  isEqual: (a, b) => sameDocumentState(a, b),
  resolve: ({ realMasterState }) => Promise.resolve(realMasterState),
};

describe('a device of the release before kinds', () => {
  it('upgrades in place: records and unsynced changes kept, pushed once, no needless conflict', async () => {
    const name = 'upgradeinplace';
    const masters = {
      patients: new Master(SERVER_BEFORE.patients),
      chartMerges: new Master(SERVER_BEFORE.chartMerges),
      visits: new Master(SERVER_BEFORE.visits),
    } satisfies Record<OldPartition, Master>;

    // The old release: pulls everything, then changes records while the network is down.
    const old = await createRxDatabase<Record<OldPartition, RxCollection<Doc>>>({ name, storage: storage() }); // prettier-ignore
    await old.addCollections(
      Object.fromEntries(
        (Object.keys(OLD_SCHEMAS) as OldPartition[]).map((p) => [
          p,
          { schema: OLD_SCHEMAS[p] as unknown as RxJsonSchema<Doc>, conflictHandler: keepServer },
        ]),
      ),
    );
    for (const p of Object.keys(masters) as OldPartition[]) {
      const state = masters[p].replicate(old[p] as RxCollection, p);
      await state.awaitInitialReplication();
      await state.cancel();
    }
    await old.patients.findOne(P1).incrementalPatch({ phone: '+15550100999', updatedAt: LATER, editedBy: ANA }); // prettier-ignore
    await old.visits.findOne(VISIT).incrementalPatch({ roomed: { at: LATER, by: ANA }, room: 'Exam 2', updatedAt: LATER, editedBy: ANA }); // prettier-ignore
    await old.patients.insert(patient(P3, 'Elsbeth', { editedBy: ANA }));
    await old.close();

    // The server is upgraded: its store migrated by the same steps.
    masters.patients.migrate('patients', 3);
    masters.chartMerges.migrate('chartMerges', 0);
    masters.visits.migrate('visits', 0);

    // This release opens the same database: migrated in place, every record and change there.
    const db = await openClinicDatabase('u-ana', ANA, { storage: storage(), name });
    const local = async (p: PartitionName) =>
      Object.fromEntries((await db[p].find().exec()).map((d) => [d.id, d.toMutableJSON() as Doc]));
    const patients = await local('patients');
    expect(Object.keys(patients).sort()).toEqual([P1, P2, P3]);
    expect(patients[P1]).toMatchObject({ kind: 'patient', phone: '+15550100999', editedBy: ANA });
    expect(patients[P2]).toEqual({ ...SERVER_BEFORE.patients[1], kind: 'patient' });
    expect(patients[P3]).toMatchObject({ kind: 'patient', givenName: 'Elsbeth' });
    const visits = await local('visits');
    expect(visits[VISIT]).toMatchObject({ kind: 'visit', visitType: 'walk-in', room: 'Exam 2' });
    expect(visits[VISIT]).not.toHaveProperty('conflicts');

    // It syncs on: exactly the unsynced changes go, each once, on the state the server holds.
    for (const p of Object.keys(masters) as OldPartition[]) {
      const state = masters[p].replicate(db[p] as unknown as RxCollection, p);
      await state.awaitInitialReplication();
      await state.cancel();
    }
    expect(masters.patients.pushed.sort()).toEqual([P1, P3]);
    expect(masters.visits.pushed).toEqual([VISIT]);
    expect(masters.patients.conflicts).toEqual([]);
    expect(masters.visits.conflicts).toEqual([]);
    for (const p of ['patients', 'visits'] as const) {
      const server = Object.fromEntries(
        [...masters[p].docs.values()].map(({ doc: { _deleted, ...doc } }) => [doc.id, doc]),
      );
      expect(server, p).toEqual(await local(p));
    }
    expect(masters.patients.docs.get(P1)?.doc).not.toHaveProperty('conflicts');
    await db.remove();
  });
});
