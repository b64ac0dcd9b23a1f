import { describe, expect, it } from 'vitest';
import { EMPTY_PATIENT_FORM, type PatientForm, validatePatientForm } from './patient-form.ts';

const today = '2026-11-26';
const valid: PatientForm = {
  ...EMPTY_PATIENT_FORM,
  givenName: '  Avery ',
  familyName: 'Quill-Hart',
  dateOfBirth: '03/14/1985',
  sex: 'female',
  mobilePhone: '(555) 201-0147',
  email: 'avery.q@example.com',
};

function errorsOf(form: Record<string, string>) {
  const result = validatePatientForm({ ...valid, ...form }, today);
  return result.ok ? {} : result.error;
}

describe('validatePatientForm', () => {
  it('normalises a valid registration', () => {
    const result = validatePatientForm(valid, today);
    expect(result).toEqual({
      ok: true,
      value: {
        givenName: 'Avery',
        familyName: 'Quill-Hart',
        dateOfBirth: '1985-03-14',
        sex: 'female',
        phone: '+15552010147',
        phoneType: 'mobile',
        email: 'avery.q@example.com',
      },
    });
  });

  it('requires names, date of birth and sex, with a message per field', () => {
    const result = validatePatientForm(EMPTY_PATIENT_FORM, today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      givenName: 'Enter the first name',
      familyName: 'Enter the last name',
      dateOfBirth: 'Enter the date of birth',
      sex: 'Choose the administrative sex',
    });
  });

  it('refuses impossible and future dates of birth', () => {
    expect(errorsOf({ dateOfBirth: '02/30/1990' }).dateOfBirth).toBe(
      'Enter a real date as MM/DD/YYYY',
    );
    expect(errorsOf({ dateOfBirth: '11/27/2026' }).dateOfBirth).toBe(
      'The date of birth cannot be in the future',
    );
    expect(errorsOf({ dateOfBirth: '01/01/1890' }).dateOfBirth).toMatch(/more than 130 years/);
    expect(errorsOf({ dateOfBirth: '11/26/2026' }).dateOfBirth).toBeUndefined();
  });

  it('refuses hidden characters and implausible dates with a message on the field', () => {
    const home = { line1: '1 Main St', state: 'TX', postalCode: '78701' };
    expect(errorsOf({ ...home, city: 'Austin\u202egnp.exe' }).city).toBe(
      'The city holds a hidden character that changes the direction of the text',
    );
    expect(errorsOf({ ...home, city: 'Austin\u200b' }).city).toBe(
      'The city holds an invisible character',
    );
    expect(errorsOf({ familyName: 'Quill\u200bHart' }).familyName).toBe(
      'The last name holds an invisible character',
    );
    expect(errorsOf({ dateOfBirth: '12/31/9999' }).dateOfBirth).toBe(
      'The date of birth cannot be in the future',
    );
    expect(
      errorsOf({
        'primary.payerType': 'commercial',
        'primary.payerName': 'Acme\u200bHealth',
        'primary.memberId': 'ABC123',
      })['primary.payerName'],
    ).toBe('The insurance company holds an invisible character');
    // Beside the field it is about, on the subscriber's part of the plan.
    expect(
      errorsOf({
        'primary.payerType': 'commercial',
        'primary.payerName': 'Acme',
        'primary.memberId': 'ABC123',
        'primary.relationship': 'spouse',
        'primary.subscriber.givenName': 'Dana',
        'primary.subscriber.familyName': 'Quill',
        'primary.subscriber.dateOfBirth': '01/01/1980',
        'primary.subscriber.line1': '1 Main St',
        'primary.subscriber.city': 'Austin\u202egnp.exe',
        'primary.subscriber.state': 'TX',
        'primary.subscriber.postalCode': '78701',
      }),
    ).toEqual({
      'primary.subscriber.city':
        'The city holds a hidden character that changes the direction of the text',
    });
    // Every part of the form, wherever the record keeps it.
    expect(errorsOf({ 'pharmacy.name': 'Corner\u200bDrug' })).toEqual({
      'pharmacy.name': 'The pharmacy name holds an invisible character',
    });
    expect(errorsOf({ 'employer.name': 'Acme\u202eCo' })).toEqual({
      'employer.name':
        'The employer name holds a hidden character that changes the direction of the text',
    });
    expect(errorsOf({ 'pcp.name': 'Dr\u200b Lee' })).toEqual({
      'pcp.name': 'The provider name holds an invisible character',
    });
    const notice = {
      'npp.status': 'acknowledged',
      'npp.date': '11/20/2026',
      'npp.method': 'signed-paper',
    };
    expect(errorsOf({ ...notice, 'npp.version': '2026\u200b-01' })).toEqual({
      'npp.version': 'The version holds an invisible character',
    });
    // Typed with a combining accent, stored in one spelling (NFC).
    const typed = validatePatientForm({ ...valid, givenName: 'Jose\u0301' }, today);
    expect(typed.ok && typed.value.givenName).toBe('Jos\u00e9');
  });

  it('refuses phone numbers without an area code', () => {
    expect(errorsOf({ mobilePhone: '201-0147' }).mobilePhone).toBe(
      'Enter a 10-digit phone number with its area code',
    );
  });

  it('refuses malformed emails and names with markup', () => {
    expect(errorsOf({ email: 'avery@' }).email).toBe(
      'Enter an email address like name@example.com',
    );
    expect(errorsOf({ givenName: '<script>alert(1)</script>' }).givenName).toMatch(
      /can only contain letters/,
    );
  });

  it('accepts names in other scripts and with apostrophes', () => {
    expect(errorsOf({ givenName: 'Zoë', familyName: "O'Đorđević" })).toEqual({});
    expect(errorsOf({ givenName: '美咲', familyName: '山田' })).toEqual({});
  });

  it('wants a whole address once any part of it is typed', () => {
    expect(errorsOf({ city: 'Springfield' })).toEqual({
      line1: 'Enter the street address',
      state: 'Choose a state',
      postalCode: 'Enter a 5-digit ZIP code (or ZIP+4)',
    });
    const full = validatePatientForm(
      { ...valid, line1: '12 Birch Lane', city: 'Springfield', state: 'il', postalCode: '62704' },
      today,
    );
    expect(full.ok && full.value.address).toEqual({
      line1: '12 Birch Lane',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62704',
    });
  });
});
