import { describe, expect, it } from 'vitest';
import { FULL_PATIENT } from './full-patient.fixture.ts';
import { EMPTY_PATIENT_FORM, patientToForm, validatePatientForm } from './patient-form.ts';

const today = '2026-11-26';
const adult = {
  ...EMPTY_PATIENT_FORM,
  givenName: 'Avery',
  familyName: 'Quill',
  dateOfBirth: '03/14/1985',
  sex: 'female',
  line1: '12 Birch Lane',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62704',
};
const check = (extra: Record<string, string>, base = adult) =>
  validatePatientForm({ ...base, ...extra }, today);
const errorsOf = (extra: Record<string, string>, base = adult) => {
  const result = check(extra, base);
  return result.ok ? {} : result.error;
};

describe('coverage on the registration form', () => {
  it('needs nothing more for self-pay, but the payer and member id for insurance', () => {
    expect(check({ 'primary.payerType': 'self-pay' })).toMatchObject({
      ok: true,
      value: { coverage: { primary: { payerType: 'self-pay' } } },
    });
    expect(errorsOf({ 'primary.payerType': 'commercial' })).toEqual({
      'primary.payerName': 'Enter the insurance company',
      'primary.memberId': 'Enter the member id from the card',
    });
  });

  it('checks the member id by payer type (Medicare MBI, Medicaid, commercial)', () => {
    expect(errorsOf({ 'primary.payerType': 'medicare', 'primary.memberId': '1EG4-TE5-MK7O' })['primary.memberId']).toMatch(/MBI/); // prettier-ignore
    const medicare = check({
      'primary.payerType': 'medicare',
      'primary.memberId': '1eg4-te5-mk73',
    });
    expect(medicare.ok && medicare.value.coverage?.primary).toMatchObject({
      payerName: 'Medicare',
      memberId: '1EG4TE5MK73',
      relationship: 'self',
    });
    expect(errorsOf({ 'primary.payerType': 'medicaid', 'primary.payerName': 'IL Medicaid', 'primary.memberId': '123' })['primary.memberId']).toMatch(/6 to 14/); // prettier-ignore
  });

  it("wants the subscriber's name, birth date and address when the patient is not the subscriber", () => {
    const plan = { 'primary.payerType': 'commercial', 'primary.payerName': 'Prairie Health', 'primary.memberId': 'PH123456', 'primary.relationship': 'spouse' }; // prettier-ignore
    expect(Object.keys(errorsOf(plan)).sort()).toEqual([
      'primary.subscriber.dateOfBirth',
      'primary.subscriber.familyName',
      'primary.subscriber.givenName',
      'primary.subscriber.line1',
    ]);
    const same = check({ ...plan, 'primary.subscriber.givenName': 'Sam', 'primary.subscriber.familyName': 'Quill', 'primary.subscriber.dateOfBirth': '1/2/1983', 'primary.subscriber.sameAddress': 'yes' }); // prettier-ignore
    expect(same.ok && same.value.coverage?.primary?.subscriber).toEqual({
      givenName: 'Sam',
      familyName: 'Quill',
      dateOfBirth: '1983-01-02',
      address: { line1: '12 Birch Lane', city: 'Springfield', state: 'IL', postalCode: '62704' },
    });
  });

  it('refuses an end date before the effective date, a bad copay, and plans out of order', () => {
    const plan = { 'primary.payerType': 'commercial', 'primary.payerName': 'Prairie Health', 'primary.memberId': 'PH123456' }; // prettier-ignore
    expect(
      errorsOf({
        ...plan,
        'primary.effectiveDate': '01/01/2026',
        'primary.endDate': '12/31/2025',
        'primary.copay': '$2x',
      }),
    ).toEqual({
      // prettier-ignore
      'primary.endDate': 'The end date cannot be before the effective date',
      'primary.copay': 'Enter the copay in dollars, like 25 or 25.50',
    });
    expect(errorsOf({ 'secondary.payerType': 'medicaid' })['secondary.payerType']).toBe(
      'Enter the primary plan first',
    );
    expect(errorsOf({ 'primary.payerType': 'self-pay', 'secondary.payerType': 'other' })['secondary.payerType']).toMatch(/self-pay/); // prettier-ignore
    const ok = check({ ...plan, 'primary.copay': '$25.50' });
    expect(ok.ok && ok.value.coverage?.primary?.copayCents).toBe(2550);
  });
});

describe('people, consents and formats', () => {
  it('needs a guarantor for a patient under 18', () => {
    const child = { ...adult, dateOfBirth: '06/01/2015' };
    expect(errorsOf({}, child)['guarantor.givenName']).toMatch(/under 18 needs a parent/);
    expect(errorsOf({ 'guarantor.givenName': 'Dana', 'guarantor.familyName': 'Quill', 'guarantor.relationship': 'parent' }, child)).toEqual({}); // prettier-ignore
    expect(errorsOf({})).toEqual({});
  });

  it('wants the effort and reason when the privacy notice acknowledgment was not obtained', () => {
    expect(
      errorsOf({
        'npp.status': 'not-obtained',
        'npp.version': '2026-01',
        'npp.date': '11/26/2026',
      }),
    ).toEqual({
      // prettier-ignore
      'npp.effort': 'Describe the good-faith effort made to get the acknowledgment',
      'npp.reason': 'Enter why the acknowledgment was not obtained',
    });
    expect(
      errorsOf({
        'npp.status': 'acknowledged',
        'npp.version': '2026-01',
        'npp.date': '11/27/2026',
      }),
    ).toEqual({
      // prettier-ignore
      'npp.date': 'The date cannot be in the future',
      'npp.method': 'Choose how the acknowledgment was given',
    });
  });

  it('checks ZIP codes, emails, phones and contacts once typed', () => {
    expect(errorsOf({ postalCode: '6270' }).postalCode).toBe('Enter a 5-digit ZIP code (or ZIP+4)');
    expect(errorsOf({ email: 'a@b' }).email).toBe('Enter an email address like name@example.com');
    expect(errorsOf({ 'contacts.k1.name': 'Lee Park' })).toEqual({
      'contacts.k1.relationship': 'Choose how they are related',
      'contacts.k1.phone': "Enter the contact's phone number",
    });
    expect(errorsOf({ homePhone: '(555) 201-0147', preferredPhone: 'mobile' }).preferredPhone).toMatch(/mobile number/); // prettier-ignore
  });

  it('round-trips a full record through the form unchanged', () => {
    const { id: _i, kind: _k, createdAt: _c, updatedAt: _u, chartNumber: _n, ...details } = FULL_PATIENT; // prettier-ignore
    const result = validatePatientForm(patientToForm(details), today);
    expect(result).toEqual({ ok: true, value: details });
  });
});
