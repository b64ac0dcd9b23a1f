import { describe, expect, it } from 'vitest';
import { formatPatientField, parsePatientField, patientFieldLabel } from './patient-fields.ts';

describe('patient fields in conflicts', () => {
  it('labels nested paths in staff words', () => {
    expect(patientFieldLabel('address.city')).toBe('City');
    expect(patientFieldLabel('phone')).toBe('Preferred phone');
    expect(patientFieldLabel('coverage.primary.memberId')).toBe('Primary plan: member id');
    expect(patientFieldLabel('coverage.secondary.subscriber.dateOfBirth')).toBe(
      'Secondary plan: subscriber date of birth',
    );
    expect(patientFieldLabel('emergencyContacts.019abc00-c1.phone')).toBe(
      'Emergency contact: phone',
    );
    expect(patientFieldLabel('privacyNotice.reason')).toBe('Privacy notice: reason');
    expect(patientFieldLabel('consents.telehealth.date')).toBe('Telehealth: date');
  });

  it('formats stored values as the screens show them', () => {
    expect(formatPatientField('phone', '+15552010147')).toBe('(555) 201-0147');
    expect(formatPatientField('dateOfBirth', '1985-03-04')).toBe('03/04/1985');
    expect(formatPatientField('email', undefined)).toBe('(empty)');
    expect(
      formatPatientField('address', {
        line1: '1 Elm St',
        city: 'Springfield',
        state: 'IL',
        postalCode: '62704',
      }),
    ).toBe('1 Elm St, Springfield, IL 62704');
  });

  it('reads typed values by the form rules', () => {
    expect(parsePatientField('phone', '(555) 201-0147')).toEqual({
      ok: true,
      value: '+15552010147',
    });
    expect(parsePatientField('dateOfBirth', '3/4/1985')).toEqual({ ok: true, value: '1985-03-04' });
    expect(parsePatientField('email', '  ')).toEqual({ ok: true, value: undefined });
    expect(parsePatientField('familyName', '')).toEqual({
      ok: false,
      error: 'This field cannot be empty',
    });
    expect(parsePatientField('phone', '201-0147').ok).toBe(false);
  });
});
