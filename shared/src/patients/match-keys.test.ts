import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates } from './find-duplicates.ts';
import { patientMatchKeys } from './match-keys.ts';
import type { Patient } from './patient.schema.ts';

const base: Patient = {
  id: '0195a0c4-0000-7000-8000-000000000001',
  kind: 'patient',
  givenName: 'Margaret',
  familyName: 'Okafor',
  dateOfBirth: '1984-03-07',
  sex: 'female',
  phone: '+15552010147',
  email: 'M.Okafor@example.org',
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};
const shareKey = (a: Patient, b: Patient) =>
  patientMatchKeys(a).some((key) => patientMatchKeys(b).includes(key));

describe('duplicate blocking keys', () => {
  it('are the birth date (either day/month order), the sound of the name, phone and email', () => {
    expect(patientMatchKeys(base)).toEqual([
      'dob:1984-03-07',
      'name:O216-M626',
      'phone:+15552010147',
      'email:m.okafor@example.org',
    ]);
    expect(patientMatchKeys({ ...base, dateOfBirth: '1984-07-03' })[0]).toBe('dob:1984-03-07');
  });

  it('bring together every pair the scoring rates as likely, across typical slips', () => {
    const slips: Partial<Patient>[] = [
      { givenName: 'Margret', familyName: 'Okafur', phone: undefined, email: undefined },
      { dateOfBirth: '1984-03-08', phone: undefined, email: undefined },
      { dateOfBirth: '1984-07-03', givenName: 'Maggie', phone: undefined, email: undefined },
      { familyName: 'Okafor-Smith', dateOfBirth: '1948-03-07', email: undefined },
      { givenName: 'Peggy', dateOfBirth: '1984-03-17', phone: undefined },
    ];
    let likely = 0;
    for (const slip of slips) {
      const other: Patient = { ...base, ...slip, id: '0195a0c4-0000-7000-8000-000000000002' };
      if (findLikelyDuplicates(base, [other]).length === 0) continue;
      likely += 1;
      expect(shareKey(base, other), JSON.stringify(slip)).toBe(true);
    }
    expect(likely).toBe(4);
  });

  it('keep unrelated people apart', () => {
    const other: Patient = {
      ...base,
      id: '0195a0c4-0000-7000-8000-000000000003',
      kind: 'patient',
      givenName: 'Tobias',
      familyName: 'Lindqvist',
      dateOfBirth: '1991-11-23',
      phone: '+15552010199',
      email: 'tl@example.com',
    };
    expect(shareKey(base, other)).toBe(false);
  });
});
