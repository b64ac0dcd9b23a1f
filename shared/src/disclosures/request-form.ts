import { isCalendarDate } from '../dates/calendar-days.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  DISCLOSURE_PURPOSES,
  needsAccountingEntry,
  type DisclosurePurpose,
} from './disclosure-purposes.ts';
import type { AuthorizationRecord, DoneStamp, ReleaseBasisRecord } from './release-fields.ts';
import { releaseRequestSchema, type ReleaseRequest } from './release-request.schema.ts';

/** The elements of a signed authorization staff tick against the paper (45 CFR 164.508(c)). */
export const AUTHORIZATION_ELEMENTS = [
  ['description', 'A specific description of the information to be released'],
  ['whoMayDisclose', 'Who may release it (this practice)'],
  ['recipients', 'Who may receive it'],
  ['purpose', 'The purpose (or “at the request of the patient”)'],
  ['expiration', 'An expiry date or event'],
  ['signatureAndDate', 'The signature and the date signed'],
  ['rightToRevoke', 'The right to revoke it in writing, and how'],
  ['conditioning', 'Whether care or payment may be conditioned on signing'],
  ['redisclosure', 'That the information may be redisclosed and no longer protected'],
] as const;
export type AuthorizationElement = (typeof AUTHORIZATION_ELEMENTS)[number][0];

/** The new-request form as typed: text as entered, boxes ticked. */
export type RequestForm = {
  requesterName: string;
  requesterOrganisation: string;
  requesterAddress: string;
  recordsRequested: string;
  purpose: DisclosurePurpose | '';
  receivedOn: string;
  /** A subpoena's or agency's date for the answer; blank when it sets none. */
  respondBy: string;
  legalBasis: string;
  authSignedOn: string;
  authExpiry: 'date' | 'event';
  authExpiresOn: string;
  authExpiryEvent: string;
  authByRepresentative: boolean;
  authRepresentativeAuthority: boolean;
  authElements: Record<AuthorizationElement, boolean>;
  notes: string;
};

export type RequestFormField = keyof RequestForm;
export type RequestFormErrors = Partial<Record<RequestFormField, string>>;

export function emptyRequestForm(today: string): RequestForm {
  return {
    requesterName: '',
    requesterOrganisation: '',
    requesterAddress: '',
    recordsRequested: '',
    purpose: '',
    receivedOn: today,
    respondBy: '',
    legalBasis: '',
    authSignedOn: '',
    authExpiry: 'date',
    authExpiresOn: '',
    authExpiryEvent: '',
    authByRepresentative: false,
    authRepresentativeAuthority: false,
    authElements: Object.fromEntries(AUTHORIZATION_ELEMENTS.map(([key]) => [key, false])) as Record<
      AuthorizationElement,
      boolean
    >,
    notes: '',
  };
}

/** The basis of an exempt purpose that needs no particulars: its rule, as the letter cites it. */
export function standardBasis(purpose: DisclosurePurpose): string {
  const { label, citation } = DISCLOSURE_PURPOSES[purpose];
  return `${label} (${citation.split(';')[0]})`;
}

/** Whether the purpose is released under the patient's authorization (and needs one on file). */
export const needsAuthorization = (purpose: DisclosurePurpose | '') =>
  purpose === 'patient-authorization';

const squeeze = (text: string) => text.trim().replace(/[ \t]+/g, ' ');

/** Where a schema issue belongs on the form. */
const FIELD_OF_PATH: Record<string, RequestFormField> = {
  'requester.name': 'requesterName',
  'requester.organisation': 'requesterOrganisation',
  'requester.address': 'requesterAddress',
  recordsRequested: 'recordsRequested',
  purpose: 'purpose',
  receivedOn: 'receivedOn',
  respondBy: 'respondBy',
  'basis.legalBasis': 'legalBasis',
  'basis.authorization.signedOn': 'authSignedOn',
  'basis.authorization.expires.on': 'authExpiresOn',
  'basis.authorization.expires.event': 'authExpiryEvent',
  notes: 'notes',
};

function dateProblem(value: string, what: string, today: string): string | null {
  if (value.trim() === '') return `Enter the ${what}`;
  if (!isCalendarDate(value)) return `Enter the ${what} as a real date`;
  if (value > today) return `The ${what} cannot be after today`;
  return null;
}

/**
 * A new release request from the form (issue 12.8), or what is wrong with it, field by field
 * in words the desk can act on — nothing is stored on error. Whether the authorization may be
 * released under today is a separate question (`authorizationValid`), asked on the request's
 * page: a request may be taken in while the requester is asked for a proper form.
 */
export function requestFromForm(
  form: RequestForm,
  context: { id: string; patientId: string; now: string; today: string; stamp: DoneStamp },
): Result<ReleaseRequest, RequestFormErrors> {
  const errors: RequestFormErrors = {};
  const { purpose } = form;
  if (squeeze(form.requesterName) === '')
    errors.requesterName = 'Enter who is asking for the records';
  if (form.requesterAddress.trim() === '')
    errors.requesterAddress = 'Enter the requester’s address: where the records or the answer go';
  if (squeeze(form.recordsRequested) === '')
    errors.recordsRequested = 'Say which records are asked for (“All records since 2023”)';
  if (purpose === '') errors.purpose = 'Choose why the records are asked for';
  const received = dateProblem(form.receivedOn, 'date the request was received', context.today);
  if (received) errors.receivedOn = received;
  const respondBy = form.respondBy.trim();
  if (respondBy !== '' && purpose === 'to-the-patient')
    errors.respondBy = 'A patient’s own request is answered within 30 days: leave this blank';
  else if (respondBy !== '' && !isCalendarDate(respondBy))
    errors.respondBy = 'Enter the date to respond by as a real date, or leave it blank';
  else if (respondBy !== '' && !received && respondBy < form.receivedOn)
    errors.respondBy = 'The date to respond by cannot be before the request was received';

  let basis: ReleaseBasisRecord | null = null;
  if (purpose !== '' && needsAuthorization(purpose)) {
    const signed = dateProblem(
      form.authSignedOn,
      'date the authorization was signed',
      context.today,
    );
    if (signed) errors.authSignedOn = signed;
    if (form.authExpiry === 'date') {
      if (!isCalendarDate(form.authExpiresOn))
        errors.authExpiresOn = 'Enter the date the authorization expires, as on the form';
      else if (!signed && form.authExpiresOn < form.authSignedOn)
        errors.authExpiresOn = 'The authorization cannot expire before it was signed';
    } else if (squeeze(form.authExpiryEvent) === '')
      errors.authExpiryEvent = 'Enter the event that ends the authorization, as on the form';
    const authorization: AuthorizationRecord = {
      signedOn: form.authSignedOn,
      expires:
        form.authExpiry === 'date'
          ? { on: form.authExpiresOn }
          : { event: squeeze(form.authExpiryEvent) },
      ...(form.authByRepresentative && { signedByRepresentative: true }),
      coreElements: {
        description: form.authElements.description,
        whoMayDisclose: form.authElements.whoMayDisclose,
        recipients: form.authElements.recipients,
        purpose: form.authElements.purpose,
        expiration: form.authElements.expiration,
        signatureAndDate: form.authElements.signatureAndDate,
        ...(form.authByRepresentative && {
          representativeAuthority: form.authRepresentativeAuthority,
        }),
      },
      requiredStatements: {
        rightToRevoke: form.authElements.rightToRevoke,
        conditioning: form.authElements.conditioning,
        redisclosure: form.authElements.redisclosure,
      },
    };
    basis = { authorization };
  } else if (purpose !== '') {
    const typed = squeeze(form.legalBasis);
    // An accountable release rests on particulars (the court, the case, the agency's letter),
    // which the accounting may have to show; an exempt one on its rule.
    if (typed === '' && needsAccountingEntry(purpose))
      errors.legalBasis =
        'Name the order, subpoena or law the release rests on (court, case number, agency)';
    basis = { legalBasis: typed || standardBasis(purpose) };
  }
  if (Object.keys(errors).length > 0 || purpose === '' || basis === null) return fail(errors);

  const organisation = squeeze(form.requesterOrganisation);
  const notes = form.notes.trim();
  const request: ReleaseRequest = {
    id: context.id,
    kind: 'releaseRequest',
    patientId: context.patientId,
    requester: {
      name: squeeze(form.requesterName),
      ...(organisation && { organisation }),
      address: form.requesterAddress.trim(),
    },
    recordsRequested: squeeze(form.recordsRequested),
    purpose,
    basis,
    receivedOn: form.receivedOn,
    ...(respondBy && { respondBy }),
    status: 'received',
    recorded: context.stamp,
    ...(notes && { notes }),
    createdAt: context.now,
    updatedAt: context.now,
  };
  // The schema has the last word (well-formed text, lengths): its message goes to its field.
  const parsed = releaseRequestSchema.safeParse(request);
  if (parsed.success) return ok(request);
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[issue.path.join('.')] ?? 'requesterName';
    errors[field] ??= issue.message;
  }
  return fail(errors);
}
