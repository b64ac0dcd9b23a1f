import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_ELEMENTS,
  emptyRequestForm,
  requestFromForm,
  type RequestForm,
} from './request-form.ts';
import { DESK, NOW, PATIENT_ID, REQUEST_ID } from './release.fixture.ts';

const TODAY = '2026-03-10';
const context = { id: REQUEST_ID, patientId: PATIENT_ID, now: NOW, today: TODAY, stamp: DESK };
const form = (overrides: Partial<RequestForm> = {}): RequestForm => ({
  ...emptyRequestForm(TODAY),
  requesterName: '  Dana   Whitfield ',
  requesterOrganisation: 'Whitfield & Roe LLP',
  requesterAddress: '12 Court Street\nSpringfield, IL 62701',
  recordsRequested: 'All records since 2024',
  purpose: 'court-order-or-subpoena',
  legalBasis: 'Subpoena duces tecum, Case 2026-CV-0192',
  ...overrides,
});
const errorsOf = (overrides: Partial<RequestForm>) => {
  const made = requestFromForm(form(overrides), context);
  return made.ok ? {} : made.error;
};

describe('a new release request from the form', () => {
  it('makes a received request, names tidied', () => {
    const made = requestFromForm(form(), context);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value).toMatchObject({
      status: 'received',
      requester: { name: 'Dana Whitfield', organisation: 'Whitfield & Roe LLP' },
      basis: { legalBasis: 'Subpoena duces tecum, Case 2026-CV-0192' },
      receivedOn: TODAY,
    });
  });

  it('says what is missing, field by field', () => {
    expect(
      errorsOf({ requesterName: ' ', requesterAddress: '', recordsRequested: '', purpose: '' }),
    ).toEqual({
      requesterName: 'Enter who is asking for the records',
      requesterAddress: 'Enter the requester’s address: where the records or the answer go',
      recordsRequested: 'Say which records are asked for (“All records since 2023”)',
      purpose: 'Choose why the records are asked for',
    });
    expect(errorsOf({ receivedOn: '2026-02-30' })).toEqual({ receivedOn: 'Enter the date the request was received as a real date' }); // prettier-ignore
    expect(errorsOf({ receivedOn: '2026-03-11' })).toEqual({ receivedOn: 'The date the request was received cannot be after today' }); // prettier-ignore
  });

  it('takes a subpoena’s date to respond by, not a patient’s', () => {
    const made = requestFromForm(form({ respondBy: '2026-03-20' }), context);
    expect(made.ok && made.value.respondBy).toBe('2026-03-20');
    expect(errorsOf({ respondBy: '2026-03-01', receivedOn: '2026-03-05' })).toEqual({ respondBy: 'The date to respond by cannot be before the request was received' }); // prettier-ignore
    expect(errorsOf({ respondBy: '2026-03-20', purpose: 'to-the-patient' })).toEqual({ respondBy: 'A patient’s own request is answered within 30 days: leave this blank' }); // prettier-ignore
  });

  it('asks for the particulars of an accountable release, and names the rule of an exempt one', () => {
    expect(errorsOf({ legalBasis: '' })).toEqual({
      legalBasis:
        'Name the order, subpoena or law the release rests on (court, case number, agency)',
    });
    const toPatient = requestFromForm(form({ purpose: 'to-the-patient', legalBasis: '' }), context);
    expect(toPatient.ok && toPatient.value.basis).toEqual({
      legalBasis:
        'To the patient or their personal representative (45 CFR 164.502(a)(1)(i), 164.524)',
    });
  });

  it('takes the authorization on file with its dates and elements', () => {
    const all = Object.fromEntries(AUTHORIZATION_ELEMENTS.map(([key]) => [key, true])) as RequestForm['authElements']; // prettier-ignore
    const under = {
      purpose: 'patient-authorization',
      authSignedOn: '2026-02-01',
      authElements: all,
    } as const;
    expect(errorsOf({ ...under, authExpiresOn: '' })).toEqual({ authExpiresOn: 'Enter the date the authorization expires, as on the form' }); // prettier-ignore
    expect(errorsOf({ ...under, authExpiresOn: '2026-01-01' })).toEqual({ authExpiresOn: 'The authorization cannot expire before it was signed' }); // prettier-ignore
    expect(errorsOf({ ...under, authExpiry: 'event', authExpiryEvent: ' ' })).toEqual({ authExpiryEvent: 'Enter the event that ends the authorization, as on the form' }); // prettier-ignore
    const made = requestFromForm(form({ ...under, authExpiresOn: '2026-09-01' }), context);
    expect(made.ok && made.value.basis).toMatchObject({ authorization: { signedOn: '2026-02-01', expires: { on: '2026-09-01' } } }); // prettier-ignore
  });

  it('refuses hidden characters with the schema’s words, on their field', () => {
    expect(errorsOf({ requesterName: 'Dana\u202EWhitfield' }).requesterName).toMatch(
      /requester's name/,
    );
  });
});
