import { describe, expect, it } from 'vitest';
import { arriveVisit } from '../checkin/visit-steps.ts';
import { FULL_PATIENT } from '../patients/full-patient.fixture.ts';
import { KIND_SCHEMAS } from './kind-schemas.ts';
import {
  kindOf,
  migrateDocument,
  PARTITION_NAMES,
  PARTITIONS,
  partitionOf,
  type KindName,
  type PartitionName,
} from './partitions.ts';

const editor = { userId: 'u1', name: 'Ana Lima', deviceId: '019abc00-0000-7000-8000-00000000000a' };
const PATIENT = '019abc00-0000-7000-8000-000000000001';

/** Runs a partition's migrations from `from` to its current version. */
const migrate = (partition: PartitionName, from: number, doc: Record<string, unknown>) =>
  migrateDocument(partition, from, doc);

describe('the registry', () => {
  it('gives every partition one migration for each version it has gone through', () => {
    for (const name of PARTITION_NAMES) {
      const { version, migrations } = PARTITIONS[name];
      const steps = Object.keys(migrations).map(Number);
      expect(steps, name).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    }
  });

  it('lets each kind live in exactly one partition, under its own name', () => {
    const kinds = PARTITION_NAMES.flatMap((name) => Object.keys(PARTITIONS[name].kinds));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(Object.keys(KIND_SCHEMAS).sort());
    for (const kind of kinds as KindName[]) {
      // The schema's discriminator is the kind's name: a document says which kind it is.
      const shape = (KIND_SCHEMAS[kind] as unknown as { shape: { kind: { value: string } } }).shape;
      expect(shape.kind.value).toBe(kind);
      expect(kindOf(partitionOf(kind), { kind })).toBe(kind);
    }
  });

  it('knows no kind outside a partition, nor one named after Object.prototype', () => {
    expect(kindOf('patients', { kind: 'visit' })).toBeUndefined();
    expect(kindOf('patients', { kind: 'toString' })).toBeUndefined();
    expect(kindOf('patients', {})).toBeUndefined();
  });
});

describe('the migrations of today’s partitions (pure: the device and the server run them alike)', () => {
  it('stamp a patient of version 3 with its kind and leave every field as it was', () => {
    const { kind: _kind, ...before } = FULL_PATIENT;
    const frozen = Object.freeze({ ...before });
    expect(migrate('patients', 3, frozen)).toEqual(FULL_PATIENT);
    expect(KIND_SCHEMAS.patient.safeParse(migrate('patients', 3, frozen)).success).toBe(true);
  });

  it('move a visit’s own kind to visitType, conflicts about it included', () => {
    const current = arriveVisit({ patientId: PATIENT, visitType: 'walk-in', reason: 'Cough' }, '2026-12-02', 0, editor, new Date('2026-12-02T09:00:00Z')); // prettier-ignore
    const { kind: _kind, visitType, ...rest } = current;
    const conflict = {
      path: 'kind',
      base: 'appointment',
      kept: { value: 'walk-in' },
      other: { value: 'appointment' },
      status: 'open',
    };
    const before = Object.freeze({ ...rest, kind: visitType, conflicts: { c1: conflict } });
    const after = migrate('visits', 0, before);
    expect(after).toEqual({
      ...current,
      conflicts: { c1: { ...conflict, path: 'visitType' } },
    });
    expect(KIND_SCHEMAS.visit.safeParse(after).success).toBe(true);
    expect(before.kind).toBe('walk-in');
  });

  it('stamp a chart merge with its kind', () => {
    const merge = { id: PATIENT, survivorId: PATIENT, mergedId: '019abc00-0000-7000-8000-000000000002', choices: {}, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' }; // prettier-ignore
    expect(migrate('chartMerges', 0, merge)).toEqual({ ...merge, kind: 'chartMerge' });
  });
});
