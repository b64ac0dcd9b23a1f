import { describe, expect, it } from 'vitest';
import type { Patient } from './patient.schema.ts';
import {
  comparePatients,
  foldName,
  patientQuery,
  type SearchablePatient,
} from './search-patients.ts';

const patient = (over: Partial<Patient & SearchablePatient>): Patient & SearchablePatient => ({
  id: '019abc00-0000-7000-8000-000000000001',
  kind: 'patient',
  givenName: 'Jo',
  familyName: 'Smith',
  dateOfBirth: '1980-01-31',
  sex: 'female',
  phone: '+15552010147',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('patientQuery', () => {
  const jo = patient({});
  const nunez = patient({ givenName: 'José', familyName: 'Núñez-Obrien' });

  it('matches name prefixes in any order', () => {
    expect(patientQuery('smi jo')(jo)).toBe(true);
    expect(patientQuery('Jo Smith')(jo)).toBe(true);
    expect(patientQuery('smyth')(jo)).toBe(true);
    expect(patientQuery('jones')(jo)).toBe(false);
  });

  it('tolerates a typo or two in longer words, but not in short ones', () => {
    expect(patientQuery('jo smtih')(jo)).toBe(true);
    expect(patientQuery('nunex')(nunez)).toBe(true);
    expect(patientQuery('obrein')(nunez)).toBe(true);
    expect(patientQuery('jp')(jo)).toBe(false);
    expect(patientQuery('smxxx')(jo)).toBe(false);
  });

  it('ignores accents, case and hyphens', () => {
    expect(patientQuery('jose nunez')(nunez)).toBe(true);
    expect(patientQuery('OBRIEN')(nunez)).toBe(true);
  });

  it('finds by date of birth or phone digits', () => {
    expect(patientQuery('01/31/1980')(jo)).toBe(true);
    expect(patientQuery('1980-01-31')(nunez)).toBe(true);
    expect(patientQuery('201-0147')(jo)).toBe(true);
    expect(patientQuery('9999')(jo)).toBe(false);
  });

  it('matches everyone when empty', () => {
    expect(patientQuery('  ')(jo)).toBe(true);
  });
});

describe('comparePatients', () => {
  it('orders by family then given name, ignoring accents', () => {
    const list = [
      patient({ id: '3', familyName: 'Zeller' }),
      patient({ id: '2', familyName: 'Ábel', givenName: 'Bo' }),
      patient({ id: '1', familyName: 'Abel', givenName: 'Al' }),
    ];
    expect(list.sort(comparePatients).map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(foldName("O'Brien")).toBe('o brien');
  });
});

describe('patientQuery with chart numbers and merged charts', () => {
  const charted = patient({ chartNumber: '100042-7' });

  it('finds a chart number typed whole, without its hyphen, or its start', () => {
    expect(patientQuery('100042-7')(charted)).toBe(true);
    expect(patientQuery('1000427')(charted)).toBe(true);
    expect(patientQuery('100')(charted)).toBe(true);
    expect(patientQuery('100043')(charted)).toBe(false);
  });

  it('tolerates a missing letter as a typo', () => {
    expect(patientQuery('smth')(charted)).toBe(true);
  });

  it('never matches a chart merged into another', () => {
    const merged = patient({ mergedInto: '019abc00-0000-7000-8000-000000000002' });
    expect(patientQuery('jo smith')(merged)).toBe(false);
    expect(patientQuery('')(merged)).toBe(false);
  });
});
