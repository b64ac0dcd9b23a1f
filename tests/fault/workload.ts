import { canWriteState } from '@clinicdesk/shared/auth/permissions.ts';
import { mergeCharts } from '@clinicdesk/shared/charts/merge-charts.ts';
import { arriveVisit, isActiveVisit, moveVisit, type VisitMove } from '@clinicdesk/shared/checkin/visit-steps.ts'; // prettier-ignore
import { CANCEL_REASONS } from '@clinicdesk/shared/checkin/visit-labels.ts';
import { VISIT_TYPES, type Visit } from '@clinicdesk/shared/checkin/visit.schema.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { type Patient, patientSchema } from '@clinicdesk/shared/patients/patient.schema.ts';
import { registerPatient } from '@clinicdesk/shared/patients/register-patient.ts';
import { type KindDocuments, partitionOf } from '@clinicdesk/shared/registry/partitions.ts';
import { COLLECTION_NAMES } from '@clinicdesk/shared/sync/collection-names.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { mergeEdits, openConflicts, settleConflict, valueAtPath, type EditableDocument } from '@clinicdesk/shared/sync/merge-edits.ts'; // prettier-ignore
import type { MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';
import { storeLocalBlob } from '../../web/src/lib/blobs/blob-store.ts';
import type { SimDevice } from './device.ts';
import type { StepResult } from './device-protocol.ts';
import type { FieldWrite } from './ledger.ts';
import type { Random } from './random.ts';
import { NO_TRACE, type TraceSink } from './trace.ts';

/** The patient fields the workload types; each written value is unique in the run and valid. */
export const EDITED_FIELDS = ['phone', 'email', 'middleName', 'address.city'] as const;
/** The visit fields it types (the steps are stamps, see `move`). */
export const VISIT_FIELDS = ['room', 'reason'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number] | (typeof VISIT_FIELDS)[number];

/** The fields whose open conflicts staff settle by typing a value, per kind of record. */
const SETTLED_BY_TYPING: Partial<Record<string, readonly EditedField[]>> = {
  patient: EDITED_FIELDS,
  visit: VISIT_FIELDS,
};

/** The kinds the workload writes; which partition holds each is the registry's (partitionOf). */
type WrittenKind = 'patient' | 'visit' | 'chartMerge';

/**
 * A patient photo's reference, as the ledger follows it. Every photo here is a PNG of the same
 * length, so two desks that chose different photos differ in `photo.sha256` alone, and the
 * conflict (if any) is recorded on that path.
 */
const PHOTO_PATH = 'photo.sha256';
const PHOTO_BYTES = 64;

export const OPS = ['create', 'edit', 'photo', 'delete', 'settle', 'check-in', 'move', 'visit-edit', 'merge', 'idle'] as const; // prettier-ignore
export type OpName = (typeof OPS)[number];
export type WorkloadCounts = Record<OpName, number>;

export function emptyCounts(): WorkloadCounts {
  return Object.fromEntries(OPS.map((op) => [op, 0])) as WorkloadCounts;
}

/**
 * What staff do at one front desk, drawn from the device's own seeded stream, across the
 * replicated collections: register a patient (sometimes with a photo), change one or two contact
 * fields of a record the device has (often one of a small "busy" set, so that devices collide),
 * take a new photo, delete a record, settle an open conflict by typing a new value; check a
 * patient in, move a visit (to a room, out, left) or correct its reason; and, at an office
 * manager's desk, merge two charts (the survivor, the merged-away chart's pointer and the merge
 * record). Writes go through the app's own paths: `insert`, `incrementalModify`, `remove`,
 * `settleConflict`, `storeLocalBlob` (whose upload the device's outbox sends), and the domain's
 * own rules (`registerPatient`, `arriveVisit`, `moveVisit`, `mergeCharts`).
 *
 * Records are found by kind, in whichever partition the registry puts that kind (`partitionOf`;
 * a partition may hold several kinds, so every query names the kind it wants), and the ledger
 * names the partition each write went to.
 *
 * Runs in the device's worker thread; the scenario collects what each step wrote.
 */
export class Workload {
  private serial = 0;
  private readonly device: SimDevice;
  private readonly rng: Random;
  /** Records many devices work on: a few seeded demo patients, then every one created. */
  private readonly busy: string[];
  /** Charts only office managers merge; nothing else touches them (a merged-away chart is frozen). */
  private readonly mergePool: ReadonlySet<string>;
  private readonly trace: TraceSink;
  private readonly merges: boolean;
  private writes: FieldWrite[] = [];
  private step = 0;

  constructor(deps: {
    device: SimDevice;
    rng: Random;
    busy: readonly string[];
    mergePool: readonly string[];
    trace?: TraceSink;
  }) {
    this.device = deps.device;
    this.rng = deps.rng;
    this.busy = [...deps.busy];
    this.mergePool = new Set(deps.mergePool);
    this.trace = deps.trace ?? NO_TRACE;
    this.merges = deps.device.session.user.role === 'office-manager';
  }

  /** Patients another device registered: this one works on them too once it has them. */
  addBusy(ids: readonly string[]): void {
    this.busy.push(...ids);
  }

  async act(step: number, nowMs: number): Promise<StepResult> {
    this.writes = [];
    this.step = step;
    const now = new Date(nowMs);
    const created: string[] = [];
    const op = await this.pick(now, created);
    return { op, writes: this.writes, created };
  }

  private async pick(now: Date, created: string[]): Promise<OpName> {
    const roll = this.rng.float();
    if (roll < 0.11) return this.create(now, created);
    if (roll < 0.14) return this.delete();
    if (roll < 0.22 && (await this.settle(now))) return 'settle';
    if (roll < 0.28) return this.photo(now);
    if (roll < 0.37) return this.checkIn(now);
    if (roll < 0.47) return this.move(now);
    if (roll < 0.51) return this.editVisit(now);
    if (roll < 0.54 && this.merges) return this.merge(now);
    return this.edit(now);
  }

  private get index(): number {
    return this.device.index;
  }

  /** The device's collection that holds records of `kind`, typed as that kind alone. */
  private collectionOf<K extends WrittenKind>(kind: K): RxCollection<KindDocuments[K]> {
    return this.device.db.collections[partitionOf(kind)] as unknown as RxCollection<KindDocuments[K]>; // prettier-ignore
  }

  /** Every live record of `kind` on the device. */
  private async all<K extends WrittenKind>(kind: K): Promise<RxDocument<KindDocuments[K]>[]> {
    const selector = { kind } as unknown as MangoQuerySelector<KindDocuments[K]>;
    return this.collectionOf(kind).find({ selector }).exec();
  }

  /** The live record of `kind` with this id; null when there is none (or it is another kind). */
  private async one<K extends WrittenKind>(
    kind: K,
    id: string,
  ): Promise<RxDocument<KindDocuments[K]> | null> {
    const doc = await this.collectionOf(kind).findOne(id).exec();
    return doc?.get('kind') === kind ? doc : null;
  }

  private get editor(): Editor {
    const { session, deviceId } = this.device;
    return { userId: session.user.id, name: session.user.displayName, deviceId };
  }

  private record(write: Omit<FieldWrite, 'device' | 'step'>): void {
    const full = { ...write, device: this.index, step: this.step };
    this.writes.push(full);
    this.trace.log({ write: full });
  }

  private async create(now: Date, created: string[]): Promise<OpName> {
    const id = uuidv7(now.getTime(), this.rng.bytes(10));
    const withPhoto = this.rng.chance(0.3);
    const patient = registerPatient(
      {
        givenName: `Fay${letters(this.next())}`,
        familyName: `Faultline`,
        dateOfBirth: '1980-04-12',
        sex: this.rng.pick(['female', 'male', 'other', 'unknown'] as const),
        phone: valueFor('phone', this.index, this.next()),
        email: valueFor('email', this.index, this.next()),
        middleName: valueFor('middleName', this.index, this.next()),
        address: {
          line1: '1 Test Way',
          city: valueFor('address.city', this.index, this.next()),
          state: 'CA',
          postalCode: '94110',
        },
      },
      id,
      now,
    );
    if (withPhoto) patient.photo = await this.takePhoto();
    await this.collectionOf('patient').insert(patient);
    created.push(id);
    this.busy.push(id);
    for (const path of [...EDITED_FIELDS, PHOTO_PATH]) {
      const value = valueAtPath(patient, path);
      if (value !== undefined)
        this.record({ collection: partitionOf('patient'), docId: id, path, value, previous: undefined, kind: 'create' }); // prettier-ignore
    }
    return 'create';
  }

  private async edit(now: Date): Promise<OpName> {
    const doc = await this.pickPatient();
    if (!doc) return 'idle';
    const available = EDITED_FIELDS.filter((f) => f !== 'address.city' || doc.address);
    const first = this.rng.pick(available);
    const second = this.rng.chance(0.35) ? this.rng.pick(available) : first;
    const values = [...new Set([first, second])].map((path) => ({
      path,
      value: valueFor(path, this.index, this.next()),
    }));
    const updatedAt = now.toISOString();
    let written: { path: string; value: string; previous: unknown }[] = [];
    await doc.incrementalModify((latest) => {
      // May run again on a newer state (a sync landed meanwhile): only the last run counts.
      written = [];
      let next: Patient = { ...latest, updatedAt };
      for (const { path, value } of values) {
        const changed = setField(next, path, value);
        if (!changed) continue;
        written.push({ path, value, previous: valueAtPath(latest, path) });
        next = changed;
      }
      return next;
    });
    for (const w of written)
      this.record({ collection: partitionOf('patient'), docId: doc.id, ...w, kind: 'edit' });
    return 'edit';
  }

  /** A new photo of the patient: the file is kept on the device and queued, then referred to. */
  private async photo(now: Date): Promise<OpName> {
    const doc = await this.pickPatient();
    if (!doc) return 'idle';
    const photo = await this.takePhoto();
    let previous: unknown;
    await doc.incrementalModify((latest) => {
      previous = valueAtPath(latest, PHOTO_PATH);
      return { ...latest, photo, updatedAt: now.toISOString() };
    });
    this.record({ collection: partitionOf('patient'), docId: doc.id, path: PHOTO_PATH, value: photo.sha256, previous, kind: 'edit' }); // prettier-ignore
    return 'photo';
  }

  private async delete(): Promise<OpName> {
    const doc = await this.pickPatient();
    if (!doc) return 'idle';
    try {
      await doc.remove();
    } catch {
      // The record changed under us (a sync landed): delete what is there now, as staff would.
      const latest = await this.one('patient', doc.id);
      if (!latest) return 'idle';
      await latest.incrementalRemove();
    }
    this.trace.log({ delete: doc.id, device: this.index });
    return 'delete';
  }

  /** Settles one open conflict on the device with a newly typed value; false if none. */
  private async settle(now: Date): Promise<boolean> {
    type Editable = EditableDocument & { kind: string };
    const open: { doc: RxDocument<Editable>; collection: string; id: string; path: EditedField }[] = []; // prettier-ignore
    for (const name of COLLECTION_NAMES) {
      const collection = this.device.db.collections[name] as unknown as
        RxCollection<Editable> | undefined;
      if (!collection) continue;
      const docs = await collection.find({ selector: { conflicts: { $exists: true } } }).exec();
      for (const doc of docs) {
        // As the inbox offers it: only what this role may change as the record stands (the
        // server refuses the front desk's settlement on a chart merged away; seed 1261314224 at
        // scale 3 made one here before).
        if (!canWriteState(this.device.session.user.role, name, doc.toJSON())) continue;
        const paths: readonly string[] = SETTLED_BY_TYPING[doc.kind] ?? [];
        for (const [id, c] of openConflicts(doc.toMutableJSON().conflicts))
          if (paths.includes(c.path))
            open.push({ doc, collection: name, id, path: c.path as EditedField });
      }
    }
    if (open.length === 0) return false;
    const { doc, collection, id, path } = this.rng.pick(open);
    const value = valueFor(path, this.index, this.next());
    const editor = this.editor;
    let previous: unknown;
    let settled = false;
    await doc.incrementalModify((latest) => {
      // Someone may have settled it meanwhile (their decision arrived by sync): keep theirs.
      settled = latest.conflicts?.[id]?.status === 'open';
      if (!settled) return latest;
      previous = valueAtPath(latest, path);
      return settleConflict(latest, id, value, editor, now);
    });
    if (!settled) return false;
    this.record({ collection, docId: doc.primary, path, value, previous, kind: 'settle' });
    return true;
  }

  /** Checks a patient in (the app's rule: one open visit a day; the visit id is derived). */
  private async checkIn(now: Date): Promise<OpName> {
    const patient = await this.pickPatient();
    if (!patient) return 'idle';
    // The clinic day on the desk's clock, in UTC so that a seed replays on any machine.
    const day = now.toISOString().slice(0, 10);
    const visits = this.collectionOf('visit');
    const selector = { kind: 'visit', day, patientId: patient.id } as Record<string, unknown>;
    const earlier = (await visits.find({ selector }).exec()).map((doc) => doc.toJSON() as Visit);
    if (earlier.some(isActiveVisit)) return this.move(now);
    const visitType = this.rng.pick(VISIT_TYPES);
    const visit = arriveVisit(
      {
        patientId: patient.id,
        visitType,
        appointmentTime: visitType === 'appointment' ? '10:30' : undefined,
        reason: valueFor('reason', this.index, this.next()),
      },
      day,
      earlier.length,
      this.editor,
      now,
    );
    // Another desk's check-in of the same visit may have arrived since the query: theirs stands.
    if (await visits.findOne(visit.id).exec()) return 'idle';
    await visits.insert(visit);
    this.record({ collection: partitionOf('visit'), docId: visit.id, path: 'reason', value: visit.reason, previous: undefined, kind: 'create' }); // prettier-ignore
    this.record({ collection: partitionOf('visit'), docId: visit.id, path: 'arrived', value: visit.arrived, previous: undefined, kind: 'step' }); // prettier-ignore
    return 'check-in';
  }

  /** Takes an open visit a step on (to a room, out, or left), applied to its latest state. */
  private async move(now: Date): Promise<OpName> {
    const open = (await this.all('visit')).filter((doc) => isActiveVisit(doc.toJSON() as Visit));
    if (open.length === 0) return 'idle';
    const doc = this.rng.pick(open);
    const roll = this.rng.float();
    const move: VisitMove =
      roll < 0.55
        ? { to: 'in-room', room: valueFor('room', this.index, this.next()) }
        : roll < 0.85
          ? { to: 'checked-out' }
          : { to: 'cancelled', reason: this.rng.pick(CANCEL_REASONS) };
    const step = move.to === 'in-room' ? 'roomed' : move.to === 'checked-out' ? 'checkedOut' : 'cancelled'; // prettier-ignore
    let written: Omit<FieldWrite, 'device' | 'step'>[] = [];
    const editor = this.editor;
    await doc.incrementalModify((latest) => {
      written = [];
      const next = moveVisit(latest, move, editor, now);
      // Closed meanwhile (another desk checked the patient out): nothing to do, as on the board.
      if (!next.ok) return latest;
      const moved = next.value;
      const collection = partitionOf('visit');
      written.push({ collection, docId: doc.id, path: step, value: moved[step], previous: latest[step], kind: 'step' }); // prettier-ignore
      if (move.to === 'in-room')
        written.push({ collection, docId: doc.id, path: 'room', value: moved.room, previous: latest.room, kind: 'edit' }); // prettier-ignore
      return moved;
    });
    for (const write of written) this.record(write);
    return written.length > 0 ? 'move' : 'idle';
  }

  /** Corrects the reason for a visit (open or closed). */
  private async editVisit(now: Date): Promise<OpName> {
    const all = await this.all('visit');
    if (all.length === 0) return 'idle';
    const doc = this.rng.pick(all);
    const value = valueFor('reason', this.index, this.next());
    let previous: unknown;
    await doc.incrementalModify((latest) => {
      previous = latest.reason;
      return { ...latest, reason: value, updatedAt: now.toISOString() };
    });
    this.record({ collection: partitionOf('visit'), docId: doc.id, path: 'reason', value, previous, kind: 'edit' }); // prettier-ignore
    return 'visit-edit';
  }

  /**
   * Merges one chart of the pool into another, as merge.actions.ts does: from the two charts as
   * on screen, with the suggested choices, applied as edits of what was on screen.
   */
  private async merge(now: Date): Promise<OpName> {
    const patients = this.collectionOf('patient');
    const pool = [...(await patients.findByIds([...this.mergePool]).exec()).values()];
    if (pool.length < 2) return 'idle';
    const survivorDoc = this.rng.pick(pool);
    const mergedDoc = this.rng.pick(pool.filter((doc) => doc.id !== survivorDoc.id));
    const survivor = survivorDoc.toMutableJSON() as Patient;
    const merged = mergedDoc.toMutableJSON() as Patient;
    const plan = mergeCharts(survivor, merged, {}, uuidv7(now.getTime(), this.rng.bytes(10)), now); // prettier-ignore
    // A combination the record's rules do not allow: the app refuses it on screen.
    if (!patientSchema.safeParse(plan.survivor).success) return 'idle';
    await survivorDoc.incrementalModify((latest) => mergeEdits<Patient>(survivor, plan.survivor, latest)); // prettier-ignore
    let previous: unknown;
    await mergedDoc.incrementalModify((latest) => {
      previous = latest.mergedInto;
      return mergeEdits<Patient>(merged, plan.merged, latest);
    });
    await this.collectionOf('chartMerge').insert(plan.record);
    this.record({ collection: partitionOf('patient'), docId: merged.id, path: 'mergedInto', value: survivor.id, previous, kind: 'merge' }); // prettier-ignore
    this.record({ collection: partitionOf('chartMerge'), docId: plan.record.id, path: 'mergedId', value: merged.id, previous: undefined, kind: 'create' }); // prettier-ignore
    return 'merge';
  }

  /** A PNG of PHOTO_BYTES made for this write, kept on the device and queued for upload. */
  private async takePhoto(): Promise<NonNullable<Patient['photo']>> {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const tag = new TextEncoder().encode(`d${this.index}n${this.next()}`);
    const bytes = new Uint8Array(PHOTO_BYTES);
    bytes.set(signature);
    bytes.set(tag, signature.length);
    bytes.set(this.rng.bytes(PHOTO_BYTES - signature.length - tag.length), signature.length + tag.length); // prettier-ignore
    const stored = await storeLocalBlob(
      this.device.local,
      new Blob([bytes], { type: 'image/png' }),
    );
    if (!stored.ok) throw new Error(`the photo was not kept: ${stored.error.message}`);
    return stored.value;
  }

  /**
   * Mostly a busy record (recent ones most of all), sometimes any record on the device; never
   * a chart of the merge pool.
   */
  private async pickPatient(): Promise<RxDocument<Patient> | null> {
    if (this.rng.chance(0.85)) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const recent = this.rng.chance(0.5) ? this.busy.slice(-12) : this.busy;
        if (recent.length === 0) break;
        const doc = await this.one('patient', this.rng.pick(recent));
        if (doc) return doc;
      }
    }
    const all = (await this.all('patient')).filter((doc) => !this.mergePool.has(doc.id));
    return all.length > 0 ? this.rng.pick(all) : null;
  }

  private next(): number {
    return ++this.serial;
  }
}

/** A value for `path` that no other write in the run uses, valid for the field. */
export function valueFor(path: EditedField, device: number, n: number): string {
  switch (path) {
    case 'phone':
      return `+1555${String(device).padStart(2, '0')}${String(n).padStart(6, '0')}`;
    case 'email':
      return `d${device}n${n}@example.org`;
    case 'middleName':
      // Names are letters only: the numbers are spelled in letters.
      return `V${letters(device)}-${letters(n)}`;
    case 'address.city':
      return `City d${device} n${n}`;
    case 'room':
      return `Room d${device} n${n}`;
    case 'reason':
      return `Reason d${device} n${n}`;
  }
}

/** 0 → "a", 25 → "z", 26 → "ba": a number spelled with letters. */
export function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

/** The patient with `path` set to `value`, or null if the field cannot be set (no address). */
function setField(patient: Patient, path: string, value: string): Patient | null {
  if (path !== 'address.city') return { ...patient, [path]: value };
  if (!patient.address) return null;
  return { ...patient, address: { ...patient.address, city: value } };
}
