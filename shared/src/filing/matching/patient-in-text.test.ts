import { describe, expect, it } from 'vitest';
import { patientsInText, type PatientCandidate } from './patient-in-text.ts';

// Synthetic patients only.
const ana: PatientCandidate = {
  id: 'p-ana',
  chartNumber: '100042-6',
  givenName: 'Ana',
  familyName: 'Núñez',
  dateOfBirth: '1982-03-14',
};
const ana2: PatientCandidate = {
  id: 'p-ana2',
  chartNumber: '100051-5',
  givenName: 'Ana',
  familyName: 'Núñez',
  dateOfBirth: '1990-07-01',
};
const lee: PatientCandidate = {
  id: 'p-lee',
  chartNumber: 'P-7K3Q-1',
  givenName: 'Lee',
  familyName: 'Park',
  dateOfBirth: '2015-04-12',
};
const patients = [ana, ana2, lee];
const idsIn = (text: string) =>
  patientsInText(text, patients).map((found) => [found.patient.id, found.reason.by]);

describe('patientsInText', () => {
  it('names a patient by chart number, provisional ones too, as whole words', () => {
    expect(idsIn('Re: MRN 100042-6, labs attached')).toEqual([['p-ana', 'chart-number']]);
    expect(idsIn('Chart p-7k3q-1 follow-up')).toEqual([['p-lee', 'chart-number']]);
    expect(idsIn('Invoice 9100042-6 and 100042-61')).toEqual([]);
  });

  it('names a patient by full name and date of birth together, never by the name alone', () => {
    expect(idsIn('Patient: NUNEZ, ANA   DOB 03/14/1982')).toEqual([
      ['p-ana', 'name-and-date-of-birth'],
    ]);
    expect(idsIn('Ana M. Nunez, born July 1, 1990')).toEqual([
      ['p-ana2', 'name-and-date-of-birth'],
    ]);
    expect(idsIn('Patient: Ana Núñez')).toEqual([]);
    expect(idsIn('Ana Park 03/14/1982')).toEqual([]);
  });

  it('shows where the name and the date were found', () => {
    const text = 'Referral for Park, Lee (DOB 04/12/2015)';
    const [found] = patientsInText(text, [{ ...lee, chartNumber: undefined }]);
    expect(found?.reason).toMatchObject({ by: 'name-and-date-of-birth' });
    if (found?.reason.by !== 'name-and-date-of-birth') throw new Error('not matched by name');
    expect(found.reason.nameRanges.map((r) => text.slice(r.start, r.end))).toEqual(['Park, Lee']);
    expect(found.reason.dateOfBirthRanges.map((r) => text.slice(r.start, r.end))).toEqual([
      '04/12/2015',
    ]);
  });

  it('lists chart-number matches first, then by where the text names them', () => {
    const text = 'Lee Park 04/12/2015 was seen with Ana Nunez 03/14/1982; copy to chart 100051-5';
    expect(idsIn(text)).toEqual([
      ['p-ana2', 'chart-number'],
      ['p-lee', 'name-and-date-of-birth'],
      ['p-ana', 'name-and-date-of-birth'],
    ]);
  });
});
