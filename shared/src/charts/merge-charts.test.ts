import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/patient.schema.ts';
import { activeChartId, activePatients, mergeCharts, mergeFields } from './merge-charts.ts';

const older: Patient = {
  id: '0195a0c4-0000-7000-8000-000000000001',
  kind: 'patient',
  chartNumber: '100001-7',
  givenName: 'Imelda',
  familyName: 'Varga',
  dateOfBirth: '1972-11-04',
  sex: 'female',
  phone: '+15552010131',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const newer: Patient = {
  id: '0195a0c4-0000-7000-8000-000000000002',
  kind: 'patient',
  chartNumber: '100050-1',
  givenName: 'Imelda',
  familyName: 'Vargha',
  dateOfBirth: '1972-11-04',
  sex: 'female',
  email: 'iv@example.org',
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};
const now = new Date('2026-03-03T12:00:00.000Z');

describe('merging two charts', () => {
  it('offers only the fields the charts have differently, suggesting a value over an empty one', () => {
    expect(mergeFields(older, newer).map((f) => [f.path, f.suggested])).toEqual([
      ['familyName', 'survivor'],
      ['phone', 'survivor'],
      ['email', 'merged'],
    ]);
  });

  it('gives the survivor the chosen values and points the other chart at it', () => {
    const plan = mergeCharts(older, newer, { familyName: 'merged', phone: 'survivor' }, 'r1', now);
    expect(plan.survivor).toEqual({
      ...older,
      familyName: 'Vargha',
      email: 'iv@example.org',
      updatedAt: now.toISOString(),
    });
    // The merged-away chart keeps its own values and number: it is traced, not erased.
    expect(plan.merged).toEqual({ ...newer, mergedInto: older.id, updatedAt: now.toISOString() });
    expect(plan.record).toEqual({
      id: 'r1',
      kind: 'chartMerge',
      survivorId: older.id,
      mergedId: newer.id,
      survivorChartNumber: '100001-7',
      mergedChartNumber: '100050-1',
      choices: { familyName: 'merged', phone: 'survivor', email: 'merged' },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });

  it('can drop a value only the merged-away chart had, and keep both lists', () => {
    const a: Patient = { ...older, race: ['asian'] };
    const b: Patient = { ...newer, race: ['asian', 'white'] };
    const fields = mergeFields(a, b);
    expect(fields.find((f) => f.path === 'race')).toMatchObject({ list: true, suggested: 'both' });
    const plan = mergeCharts(a, b, { email: 'survivor', race: 'both' }, 'r2', now);
    expect(plan.survivor).not.toHaveProperty('email');
    expect(plan.survivor.race).toEqual(['asian', 'white']);
  });

  it('takes insurance plan by plan and keeps both charts’ emergency contacts', () => {
    const plan = (memberId: string) => ({
      payerType: 'commercial' as const,
      payerName: 'Synthetic Health',
      memberId,
    });
    const contact = (name: string) => ({ name, relationship: 'spouse', phone: '+15552010150' });
    const a = {
      ...older,
      coverage: { primary: plan('A1') },
      emergencyContacts: { k1: contact('Ivo Varga') },
    } as unknown as Patient;
    const b = {
      ...newer,
      coverage: { primary: plan('B1'), secondary: plan('B2') },
      emergencyContacts: { k2: contact('Ana Varga') },
    } as unknown as Patient;
    const fields = mergeFields(a, b);
    expect(fields.map((f) => [f.path, f.suggested])).toEqual(
      expect.arrayContaining([
        ['coverage.primary', 'survivor'],
        ['coverage.secondary', 'merged'],
        ['emergencyContacts', 'both'],
      ]),
    );
    const merged = mergeCharts(a, b, { 'coverage.primary': 'merged' }, 'r3', now).survivor;
    expect(merged.coverage).toEqual({ primary: plan('B1'), secondary: plan('B2') });
    expect(Object.keys(merged.emergencyContacts ?? {})).toEqual(['k2', 'k1']);
  });
});

describe('the active chart', () => {
  const links = (pairs: Record<string, string>) => (id: string) => pairs[id];

  it('is the chart itself, or the end of its chain of merges', () => {
    expect(activeChartId('a', links({}))).toBe('a');
    expect(activeChartId('a', links({ a: 'b', b: 'c' }))).toBe('c');
  });

  it('is the same chart on every device when two merges made offline point at each other', () => {
    expect(activeChartId('x2', links({ x1: 'x2', x2: 'x1' }))).toBe('x1');
    expect(activeChartId('x1', links({ x1: 'x2', x2: 'x1' }))).toBe('x1');
    expect(activeChartId('y', links({ y: 'x2', x1: 'x2', x2: 'x1' }))).toBe('x1');
  });
});

describe('the charts in use', () => {
  it('leave out merged-away charts, but keep one of two charts merged into each other', () => {
    const p = (id: string, mergedInto?: string) => ({ id, ...(mergedInto ? { mergedInto } : {}) });
    expect(activePatients([p('a'), p('b', 'a'), p('c')]).map((x) => x.id)).toEqual(['a', 'c']);
    expect(activePatients([p('x2', 'x1'), p('x1', 'x2')]).map((x) => x.id)).toEqual(['x1']);
  });
});
