import { describe, expect, it } from 'vitest';
import type { ChartMerge } from '../charts/chart-merge.schema.ts';
import type { Visit } from '../checkin/visit.schema.ts';
import { KIND_SCHEMAS } from './kind-schemas.ts';
import { CONFLICT_DESCRIBERS } from './conflict-describers.ts';

const PATIENT = '0195a0c4-1111-7000-8000-000000000001';
const OTHER = '0195a0c4-2222-7000-8000-000000000002';
const names = (id: string) =>
  ({ [PATIENT]: 'Wilhelmina Osterbrook', [OTHER]: 'Willa Osterbrook' })[id];

const visit = {
  id: `v-2026-12-02-1-${PATIENT}`,
  patientId: PATIENT,
  day: '2026-12-02',
  visitType: 'walk-in',
} as Visit;

describe('conflict describers', () => {
  it('has one for every kind of record, and names each', () => {
    expect(Object.keys(CONFLICT_DESCRIBERS).sort()).toEqual(Object.keys(KIND_SCHEMAS).sort());
    for (const { describer } of Object.values(CONFLICT_DESCRIBERS))
      expect(describer.kind).not.toBe('');
  });

  it('names a check-in by its patient and day, and its fields as the check-in screen does', () => {
    const { describer, patientRefs } = CONFLICT_DESCRIBERS.visit;
    expect(patientRefs(visit)).toEqual([PATIENT]);
    expect(describer.title(visit, names)).toBe('Wilhelmina Osterbrook · visit on 12/02/2026');
    expect(describer.title(visit, () => undefined)).toBe('A patient · visit on 12/02/2026');
    expect(describer.fieldLabel('visitType')).toBe('Visit type');
    expect(describer.formatValue('visitType', 'walk-in')).toBe('Walk-in');
    expect(describer.formatValue('cancelReason', 'left-without-being-seen')).toBe('Left without being seen'); // prettier-ignore
    expect(describer.formatValue('reason', undefined)).toBe('(empty)');
  });

  it('lets a person type a check-in’s reason or room, within the schema’s limits, and nothing else', () => {
    const { describer } = CONFLICT_DESCRIBERS.visit;
    expect(describer.parseTyped('reason', '  Annual   physical ')).toEqual({ ok: true, value: 'Annual physical' }); // prettier-ignore
    expect(describer.parseTyped('room', 'x'.repeat(41))).toMatchObject({ ok: false });
    expect(describer.parseTyped('visitType', 'walk-in')).toBeNull();
  });

  it('names a chart merge by both charts and its choices by the patient field', () => {
    const { describer, patientRefs } = CONFLICT_DESCRIBERS.chartMerge;
    const merge = { id: OTHER, survivorId: PATIENT, mergedId: OTHER, choices: {} } as unknown as ChartMerge; // prettier-ignore
    expect(patientRefs(merge)).toEqual([PATIENT, OTHER]);
    expect(describer.title(merge, names)).toBe(
      'Merge of Willa Osterbrook into Wilhelmina Osterbrook',
    );
    expect(describer.fieldLabel('choices.phone')).toBe('Value kept for preferred phone');
    expect(describer.formatValue('choices.phone', 'merged')).toBe("The merged chart's value");
    expect(describer.parseTyped('choices.phone', 'merged')).toBeNull();
  });

  it('names a patient’s fields as the registration form does', () => {
    const { describer } = CONFLICT_DESCRIBERS.patient;
    expect(describer.fieldLabel('phone')).toBe('Preferred phone');
    expect(describer.formatValue('phone', '+15552010147')).toBe('(555) 201-0147');
    expect(describer.parseTyped('phone', '555 201 0147')).toEqual({
      ok: true,
      value: '+15552010147',
    });
    expect(describer.parseTyped('photo', 'x')).toBeNull();
  });
});
