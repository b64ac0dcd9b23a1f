import type { Role } from '../auth/roles.ts';
import { fail, ok, type Result } from '../result.ts';
import { authorizationValid } from './authorization-valid.ts';
import type { Disclosure, ReleasedDocument } from './disclosure.schema.ts';
import { DISCLOSURE_PURPOSES, needsAccountingEntry } from './disclosure-purposes.ts';
import type { DeliveryMethod } from './release-labels.ts';
import { ANSWERED_STATUSES } from './release-labels.ts';
import type { DoneStamp, Party } from './release-fields.ts';
import type { ReleaseRequest } from './release-request.schema.ts';
import { mayRelease } from './release-rules.ts';

export type ReleaseError = {
  code:
    | 'already-answered'
    | 'no-documents'
    | 'no-description'
    | 'authorization-invalid'
    | 'released-before-received'
    | 'not-allowed';
  message: string;
  field?: 'documents' | 'description' | 'disclosedOn' | 'basis';
};

export type ReleaseInput = {
  /** The new disclosure's id, and the device's clock (ISO instant) for both records. */
  id: string;
  now: string;
  role: Role;
  stamp: DoneStamp;
  request: ReleaseRequest;
  documents: readonly ({ documentId: string } & ReleasedDocument)[];
  releasePackage: { sha256: string; pageCount: number };
  description: string;
  disclosedOn: string;
  delivery: { method: DeliveryMethod; detail?: string | undefined };
  /** Who received it, when not the requester (a patient's records sent to their new doctor). */
  recipient?: Party | undefined;
};

/**
 * Records a release (issue 12.8): the disclosure — what was sent, to whom, how, by whom, why —
 * and its request marked released on that day, to be stored together. Whether the patient's
 * accounting lists it is decided here from the purpose (45 CFR 164.528), never asked. Refused
 * when the request was already answered, nothing is enclosed, the authorization it rests on is
 * not valid on the day, or the role may not make this release (release-rules.ts).
 */
export function recordRelease(
  input: ReleaseInput,
): Result<{ disclosure: Disclosure; request: ReleaseRequest }, ReleaseError> {
  const { request } = input;
  if (ANSWERED_STATUSES.includes(request.status))
    return fail({
      code: 'already-answered',
      message: `This request was already ${request.status}`,
    });
  if (!mayRelease(input.role, request.purpose))
    return fail({
      code: 'not-allowed',
      message: `A release for “${DISCLOSURE_PURPOSES[request.purpose].label}” is listed in the patient’s accounting: the office manager makes it`,
    });
  if (input.documents.length === 0)
    return fail({ code: 'no-documents', field: 'documents', message: 'Choose at least one document to release' }); // prettier-ignore
  const description = input.description.trim().replace(/\s+/g, ' ');
  if (description === '')
    return fail({ code: 'no-description', field: 'description', message: 'Say briefly what was released: the accounting prints it' }); // prettier-ignore
  if (input.disclosedOn < request.receivedOn)
    return fail({ code: 'released-before-received', field: 'disclosedOn', message: `The release cannot be dated before the request was received (${request.receivedOn})` }); // prettier-ignore
  if ('authorization' in request.basis) {
    const validity = authorizationValid(request.basis.authorization, input.disclosedOn);
    if (!validity.valid)
      return fail({ code: 'authorization-invalid', field: 'basis', message: validity.message });
  }
  const detail = input.delivery.detail?.trim();
  const disclosure: Disclosure = {
    id: input.id,
    kind: 'disclosure',
    requestId: request.id,
    patientId: request.patientId,
    recipient: input.recipient ?? request.requester,
    purpose: request.purpose,
    basis: request.basis,
    description,
    documents: Object.fromEntries(
      input.documents.map(({ documentId, versionId, sha256, pageCount }) => [
        documentId,
        { versionId, sha256, pageCount },
      ]),
    ),
    releasePackage: input.releasePackage,
    disclosedOn: input.disclosedOn,
    delivery: { method: input.delivery.method, ...(detail && { detail }) },
    released: input.stamp,
    accountable: needsAccountingEntry(request.purpose),
    createdAt: input.now,
    updatedAt: input.now,
  };
  return ok({
    disclosure,
    request: {
      ...request,
      status: 'released',
      answeredOn: input.disclosedOn,
      updatedAt: input.now,
    },
  });
}
