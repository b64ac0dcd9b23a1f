import { describe, expect, it } from 'vitest';
import { editPatient, registerPatient } from './register-patient.ts';
import { patientSchema } from './patient.schema.ts';

const id = '019abc00-0000-7000-8000-000000000001';
const details = {
  givenName: 'Rowan',
  familyName: 'Ashby',
  dateOfBirth: '1990-07-01',
  sex: 'male' as const,
  email: undefined,
};

describe('registerPatient', () => {
  it('creates a document that passes the shared schema', () => {
    const patient = registerPatient(details, id, new Date('2026-11-26T10:00:00Z'));
    expect(patientSchema.parse(patient)).toEqual(patient);
    expect(patient.createdAt).toBe('2026-11-26T10:00:00.000Z');
    expect('email' in patient).toBe(false);
  });
});

describe('editPatient', () => {
  const created = registerPatient(details, id, new Date('2026-11-26T10:00:00Z'));

  it('returns null when nothing changed, so nothing is written', () => {
    expect(editPatient(created, { ...details }, new Date('2026-11-26T11:00:00Z'))).toBeNull();
  });

  it('keeps fields the form does not show, such as the photo', () => {
    const photo = { sha256: 'b'.repeat(64), type: 'image/jpeg' as const, size: 2048 };
    const withPhoto = { ...created, photo };
    const edited = editPatient(withPhoto, { ...details, givenName: 'Ro' }, new Date());
    expect(edited?.photo).toEqual(photo);
    expect(edited?.givenName).toBe('Ro');
  });

  it('removes a field cleared on the form', () => {
    const withEmail = { ...created, email: 'rowan@example.com' };
    const edited = editPatient(withEmail, { ...details, email: undefined }, new Date());
    expect(edited).not.toBeNull();
    expect('email' in (edited ?? {})).toBe(false);
  });

  it('keeps id and creation time and stamps the edit', () => {
    const edited = editPatient(
      created,
      { ...details, phone: '+15552010147' },
      new Date('2026-11-26T11:00:00Z'),
    );
    expect(edited).toMatchObject({
      id,
      createdAt: created.createdAt,
      updatedAt: '2026-11-26T11:00:00.000Z',
      phone: '+15552010147',
    });
  });
});
