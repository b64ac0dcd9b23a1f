import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { registerPatient } from '@clinicdesk/shared/patients/register-patient.ts';
import { openConflicts } from '@clinicdesk/shared/sync/merge-edits.ts';
import { settleConflict, valueAtPath } from '@clinicdesk/shared/sync/merge-edits.ts';
import type { RxDocument } from 'rxdb';
import type { SimDevice } from './device.ts';
import type { FieldWrite, Ledger } from './ledger.ts';
import type { Random } from './random.ts';
import type { SimClock } from './sim-clock.ts';
import { NO_TRACE, type Trace } from './trace.ts';

/** The fields the workload edits; each written value is unique in the run and valid. */
export const EDITED_FIELDS = ['phone', 'email', 'middleName', 'address.city'] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export type WorkloadCounts = {
  creates: number;
  edits: number;
  deletes: number;
  settles: number;
  /** Operations with nothing to act on (no document on the device yet, say). */
  idle: number;
};

/**
 * What staff do at the front desks, drawn from a seeded stream: register a patient, change one
 * or two contact fields of a record the device has (often one of a small "busy" set, so that
 * devices collide), delete a record, or settle an open conflict by typing a new value. Writes go
 * through the app's own paths: `insert`, `incrementalModify`, `remove`, `settleConflict`.
 */
export class Workload {
  readonly counts: WorkloadCounts = { creates: 0, edits: 0, deletes: 0, settles: 0, idle: 0 };
  private serial = 0;
  private readonly rng: Random;
  private readonly ledger: Ledger;
  private readonly clock: SimClock;
  /** Records many devices work on: a few seeded demo patients, then every one created here. */
  private readonly busy: string[];
  private readonly trace: Trace;

  constructor(deps: {
    rng: Random;
    ledger: Ledger;
    clock: SimClock;
    busy: string[];
    trace?: Trace;
  }) {
    this.rng = deps.rng;
    this.ledger = deps.ledger;
    this.clock = deps.clock;
    this.busy = [...deps.busy];
    this.trace = deps.trace ?? NO_TRACE;
  }

  private record(write: FieldWrite): void {
    this.ledger.record(write);
    this.trace.log({ write });
  }

  async step(device: SimDevice, step: number): Promise<void> {
    const roll = this.rng.float();
    if (roll < 0.14) return this.create(device, step);
    if (roll < 0.18) return this.delete(device);
    if (roll < 0.26 && (await this.settle(device, step))) return;
    return this.edit(device, step);
  }

  private async create(device: SimDevice, step: number): Promise<void> {
    const now = this.clock.now(device.index, step);
    const id = uuidv7(now.getTime(), this.rng.bytes(10));
    const n = this.next();
    const patient = registerPatient(
      {
        givenName: `Fay${letters(n)}`,
        familyName: `Faultline`,
        dateOfBirth: '1980-04-12',
        sex: this.rng.pick(['female', 'male', 'other', 'unknown'] as const),
        phone: valueFor('phone', device.index, this.next()),
        email: valueFor('email', device.index, this.next()),
        middleName: valueFor('middleName', device.index, this.next()),
        address: {
          line1: '1 Test Way',
          city: valueFor('address.city', device.index, this.next()),
          state: 'CA',
          postalCode: '94110',
        },
      },
      id,
      now,
    );
    await device.db.patients.insert(patient);
    this.counts.creates++;
    this.busy.push(id);
    for (const path of EDITED_FIELDS) {
      const value = valueAtPath(patient, path);
      if (typeof value === 'string')
        this.record({ docId: id, path, value, previous: undefined, device: device.index, step, kind: 'create' }); // prettier-ignore
    }
  }

  private async edit(device: SimDevice, step: number): Promise<void> {
    const doc = await this.pickDocument(device);
    if (!doc) return void this.counts.idle++;
    const available = EDITED_FIELDS.filter((f) => f !== 'address.city' || doc.address);
    const first = this.rng.pick(available);
    const second = this.rng.chance(0.35) ? this.rng.pick(available) : first;
    const values = [...new Set([first, second])].map((path) => ({
      path,
      value: valueFor(path, device.index, this.next()),
    }));
    const updatedAt = this.clock.now(device.index, step).toISOString();
    let written: { path: EditedField; value: string; previous: unknown }[] = [];
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
    this.counts.edits++;
    for (const w of written)
      this.record({ docId: doc.id, ...w, device: device.index, step, kind: 'edit' });
  }

  private async delete(device: SimDevice): Promise<void> {
    const doc = await this.pickDocument(device);
    if (!doc) return void this.counts.idle++;
    try {
      await doc.remove();
    } catch {
      // The record changed under us (a sync landed): delete what is there now, as staff would.
      const latest = await device.db.patients.findOne(doc.id).exec();
      if (!latest) return void this.counts.idle++;
      await latest.incrementalRemove();
    }
    this.counts.deletes++;
    this.trace.log({ delete: doc.id, device: device.index });
  }

  /** Settles one open conflict on the device with a newly typed value; false if none. */
  private async settle(device: SimDevice, step: number): Promise<boolean> {
    const withConflicts = await device.db.patients
      .find({ selector: { conflicts: { $exists: true } } })
      .exec();
    const open = withConflicts.flatMap((doc) =>
      openConflicts(doc.toMutableJSON().conflicts)
        .filter(([, c]) => (EDITED_FIELDS as readonly string[]).includes(c.path))
        .map(([id, c]) => ({ doc, id, path: c.path as EditedField })),
    );
    if (open.length === 0) return false;
    const { doc, id, path } = this.rng.pick(open);
    const value = valueFor(path, device.index, this.next());
    const editor = {
      userId: device.session.user.id,
      name: device.session.user.displayName,
      deviceId: device.deviceId,
    };
    const now = this.clock.now(device.index, step);
    let previous: unknown;
    let settled = false;
    await doc.incrementalModify((latest) => {
      // Someone may have settled it meanwhile (their decision arrived by sync): keep theirs.
      settled = latest.conflicts?.[id]?.status === 'open';
      if (!settled) return latest;
      previous = valueAtPath(latest, path);
      return settleConflict<Patient>(latest, id, value, editor, now);
    });
    if (!settled) return false;
    this.counts.settles++;
    this.record({ docId: doc.id, path, value, previous, device: device.index, step, kind: 'settle' }); // prettier-ignore
    return true;
  }

  /** Mostly a busy record (recent ones most of all), sometimes any record on the device. */
  private async pickDocument(device: SimDevice): Promise<RxDocument<Patient> | null> {
    if (this.rng.chance(0.85)) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const recent = this.rng.chance(0.5) ? this.busy.slice(-12) : this.busy;
        if (recent.length === 0) break;
        const doc = await device.db.patients.findOne(this.rng.pick(recent)).exec();
        if (doc) return doc;
      }
    }
    const all = await device.db.patients.find().exec();
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
function setField(patient: Patient, path: EditedField, value: string): Patient | null {
  if (path !== 'address.city') return { ...patient, [path]: value };
  if (!patient.address) return null;
  return { ...patient, address: { ...patient.address, city: value } };
}
