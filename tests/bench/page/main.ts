import { foldName } from '@clinicdesk/shared/patients/search-patients.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { patientToForm } from '@clinicdesk/shared/patients/patient-form.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import PouchDB from 'pouchdb-browser';
import { readServerState } from '../../fault/server-state.ts';
import { type ClinicDatabase, openClinicDatabase } from '../../../web/src/lib/db/database.ts';
import { type LocalDatabase, openLocalDatabase } from '../../../web/src/lib/db/local-db.ts';
import {
  registerNewPatient,
  savePatientEdits,
} from '../../../web/src/lib/patients/patients.actions.ts';
import { newId } from '../../../web/src/lib/session/device.ts';
import { openLiveStream } from '../../../web/src/lib/sync/live-stream.ts';
import { replicateCollection, type SyncReporter } from '../../../web/src/lib/sync/replication.ts';
import type { Workspace } from '../../../web/src/lib/workspace.ts';
import { prepareAppSearch, SHOWN_MAX } from './app-search.ts';
import type { BenchApi, Keystroke } from './bench-api.ts';
import {
  deleteRawDatabase,
  openNameIndex,
  openRawDatabase,
  prefixLookup,
  putStrict,
} from './raw-idb.ts';

type SignedIn = { userId: string; name: string; deviceId: string };
let signedIn: SignedIn | null = null;
let liveDb: ClinicDatabase | null = null;
let watching: Promise<number> | null = null;
let pouchDevice: PouchDB | null = null;

/** Wall-clock time with sub-millisecond resolution, comparable between two pages of one browser. */
const now = () => performance.timeOrigin + performance.now();

const quietStatus: SyncReporter = { reportSuccess() {}, reportFailure() {} };

function session(): SignedIn {
  if (!signedIn) throw new Error('sign in first');
  return signedIn;
}

/**
 * registerNewPatient and savePatientEdits touch the workspace's database and, for a new patient's
 * chart number, its local database (the number comes from this device's reserved block); the
 * rest of a workspace (tab election, health reports, upload queue, topping up the block) is not
 * what these figures are about.
 */
function workspaceOf(db: ClinicDatabase, local?: LocalDatabase): Workspace {
  return {
    db,
    local,
    deviceId: session().deviceId,
    refillChartNumbers() {},
  } as unknown as Workspace;
}

async function openAppDatabase(purpose: string): Promise<ClinicDatabase> {
  const { userId, name, deviceId } = session();
  return openClinicDatabase(
    userId,
    { userId, name, deviceId },
    { name: `bench-${purpose}-${newId()}` },
  );
}

/**
 * Every patient the server has, as a new device's pull fetches them (used untimed). The browser
 * sends the session cookie itself (it ignores a `cookie` header).
 */
async function fetchAllPatients(): Promise<WireDocument[]> {
  const state = await readServerState('', { cookie: '', deviceId: session().deviceId });
  return [...state.docs.values()];
}

function checkCount(what: string, count: number, expected: number): void {
  if (count !== expected)
    throw new Error(`${what}: ${count} patients on the device, expected ${expected}`);
}

const bench: BenchApi = {
  async search({ dataUrl, keystrokes, warmup }) {
    const patients = (await (await fetch(dataUrl)).json()) as Patient[];
    const startedPrepare = performance.now();
    const search = prepareAppSearch(patients);
    const prepareMs = performance.now() - startedPrepare;
    const indexName = `bench-names-${patients.length}`;
    const names = await openNameIndex(indexName, patients as unknown as WireDocument[]);

    const found = { app: 0, raw: 0, complete: 0 };
    const run = async (keys: Keystroke[], record: boolean) => {
      const appMs: number[] = [];
      const rawMs: number[] = [];
      for (const [i, key] of keys.entries()) {
        // Alternate which goes first so neither always runs on a warmer cache.
        const measureApp = () => {
          const started = performance.now();
          const shown = search(key.text);
          appMs.push(performance.now() - started);
          return shown;
        };
        const measureRaw = async () => {
          const started = performance.now();
          const rows = await prefixLookup(names, key.text, SHOWN_MAX);
          rawMs.push(performance.now() - started);
          return rows;
        };
        let shown: Patient[];
        let rows: { familyName: string }[];
        if (i % 2 === 0) {
          shown = measureApp();
          rows = await measureRaw();
        } else {
          rows = await measureRaw();
          shown = measureApp();
        }
        if (record && key.complete) {
          const typed = foldName(key.text);
          found.complete++;
          if (shown.some((p) => foldName(p.familyName) === typed)) found.app++;
          if (rows.some((p) => foldName(p.familyName) === typed)) found.raw++;
        }
      }
      return { appMs, rawMs };
    };
    await run(warmup, false);
    const { appMs, rawMs } = await run(keystrokes, true);
    names.close();
    await deleteRawDatabase(indexName);
    return { patients: patients.length, prepareMs, appMs, rawMs, found };
  },

  async signIn({ username, password }) {
    const deviceId = newId();
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, deviceId }),
    });
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    const { user } = (await response.json()) as { user: { id: string; displayName: string } };
    signedIn = { userId: user.id, name: user.displayName, deviceId };
  },

  async save({ forms, warmup }) {
    const db = await openAppDatabase('save');
    // A device holds a block of chart numbers reserved by the server (ADR 9): enough for every
    // save here, so each takes a real number as on a tablet that has been online.
    const local = openLocalDatabase(`bench-${newId()}`);
    await local.chartBlocks.put({ first: 100_000, last: 100_000 + forms.length, next: 100_000 });
    const rawName = `bench-raw-save-${newId()}`;
    const raw = await openRawDatabase(rawName, (setUp) =>
      setUp.createObjectStore('patients', { keyPath: 'id' }),
    );
    const appMs: number[] = [];
    const rawMs: number[] = [];
    let lastSaved: Patient | null = null;
    for (const [i, form] of forms.entries()) {
      const saveApp = async () => {
        const started = performance.now();
        const saved = await registerNewPatient(workspaceOf(db, local), form);
        const ms = performance.now() - started;
        if (!saved.ok) throw new Error(`the app refused form ${i}: ${JSON.stringify(saved.error)}`);
        return { ms, patient: saved.value };
      };
      const saveRaw = async (patient: Patient) => {
        const started = performance.now();
        await putStrict(raw, 'patients', [patient]);
        return performance.now() - started;
      };
      // The raw put stores a record the app produced, under a fresh id; the order alternates.
      let app: { ms: number; patient: Patient };
      let rawTime: number;
      if (i % 2 === 0 || !lastSaved) {
        app = await saveApp();
        rawTime = await saveRaw({ ...app.patient, id: newId() });
      } else {
        rawTime = await saveRaw({ ...lastSaved, id: newId() });
        app = await saveApp();
      }
      lastSaved = app.patient;
      if (i >= warmup) {
        appMs.push(app.ms);
        rawMs.push(rawTime);
      }
    }
    raw.close();
    await deleteRawDatabase(rawName);
    await db.remove();
    await local.delete();
    return { appMs, rawMs };
  },

  async firstSync({ expected }) {
    const started = performance.now();
    const db = await openAppDatabase('first-sync');
    const local = openLocalDatabase(`bench-${newId()}`);
    const { state } = replicateCollection({
      collection: db.patients,
      deviceId: session().deviceId,
      status: quietStatus,
      local,
    });
    await state.awaitInitialReplication();
    const ms = performance.now() - started;
    const count = await db.patients.count().exec();
    await state.cancel();
    checkCount('first sync', count, expected);
    await db.remove();
    local.close();
    return { ms, count };
  },

  async rawBulkWrite({ expected }) {
    const docs = await fetchAllPatients();
    checkCount('raw bulk write', docs.length, expected);
    const name = `bench-raw-bulk-${newId()}`;
    const started = performance.now();
    const db = await openRawDatabase(name, (setUp) =>
      setUp.createObjectStore('patients', { keyPath: 'id' }),
    );
    await putStrict(db, 'patients', docs);
    const ms = performance.now() - started;
    db.close();
    await deleteRawDatabase(name);
    return { ms, count: docs.length };
  },

  async pouchFirstSync({ database, expected }) {
    const name = `bench-pouch-${newId()}`;
    const started = performance.now();
    const db = new PouchDB(name);
    await db.replicate.from(`${location.origin}/${database}`);
    const ms = performance.now() - started;
    const { doc_count: count } = await db.info();
    await db.destroy();
    checkCount('PouchDB replication', count, expected);
    return { ms, count };
  },

  async startLiveDevice({ expected }) {
    const db = await openAppDatabase('live');
    const local = openLocalDatabase(`bench-${newId()}`);
    const { state, stream$ } = replicateCollection({
      collection: db.patients,
      deviceId: session().deviceId,
      status: quietStatus,
      local,
    });
    // As the syncing tab does (workspace.ts): the live stream's events make the replication pull.
    openLiveStream(session().deviceId, {
      onOpen: () => stream$.next('RESYNC'),
      onEvent: (event) => {
        if (event.type !== 'heartbeat') stream$.next('RESYNC');
      },
      onDown: () => {},
    });
    await state.awaitInitialReplication();
    checkCount('live device', await db.patients.count().exec(), expected);
    liveDb = db;
  },

  async startPouchDevice({ database, role, ids, expected }) {
    const db = new PouchDB(`bench-pouch-${role}-${newId()}`);
    const remote = `${location.origin}/${database}`;
    if (role === 'watcher') {
      await db.replicate.from(remote);
      checkCount('PouchDB watcher', (await db.info()).doc_count, expected);
      void db.replicate.from(remote, { live: true, retry: true });
    } else {
      await db.replicate.from(remote, { doc_ids: ids });
      void db.replicate.to(remote, { live: true, retry: true });
    }
    pouchDevice = db;
  },

  pouchWatchFor({ id, value }) {
    const db = pouchDevice;
    if (!db) throw new Error('start the PouchDB device first');
    watching = new Promise((resolve) => {
      const changes = db
        .changes({ live: true, since: 'now', include_docs: true })
        .on('change', (change) => {
          if (change.id === id && change.doc?.middleName === value) {
            resolve(now());
            changes.cancel();
          }
        });
    });
    return Promise.resolve();
  },

  async pouchEditMiddleName({ id, value }) {
    const db = pouchDevice;
    if (!db) throw new Error('start the PouchDB device first');
    const doc = await db.get(id);
    const started = now();
    await db.put({ ...doc, middleName: value, updatedAt: new Date().toISOString() });
    return started;
  },

  watchFor({ id, value }) {
    const db = liveDb;
    if (!db) throw new Error('start the live device first');
    watching = new Promise((resolve) => {
      const subscription = db.patients.findOne(id).$.subscribe((doc) => {
        if (doc?.middleName === value) {
          resolve(now());
          subscription.unsubscribe();
        }
      });
    });
    return Promise.resolve();
  },

  async seenAt() {
    if (!watching) throw new Error('nothing watched');
    return watching;
  },

  async editMiddleName({ id, value }) {
    const db = liveDb;
    if (!db) throw new Error('start the live device first');
    const doc = await db.patients.findOne(id).exec();
    if (!doc) throw new Error(`patient ${id} is not on this device`);
    const original = doc.toJSON() as Patient;
    const started = now();
    const saved = await savePatientEdits(workspaceOf(db), original, {
      ...patientToForm(original),
      middleName: value,
    });
    if (!saved.ok) throw new Error(`the app refused the edit: ${JSON.stringify(saved.error)}`);
    return started;
  },
};

window.bench = bench;
