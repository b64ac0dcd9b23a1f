import type { Disclosure } from '@clinicdesk/shared/disclosures/disclosure.schema.ts';
import {
  recordRelease,
  type ReleaseError,
  type ReleaseInput,
} from '@clinicdesk/shared/disclosures/record-release.ts';
import {
  LETTERHEAD_ID,
  type ReleaseLetterhead,
} from '@clinicdesk/shared/disclosures/release-letterhead.schema.ts';
import type { ReleaseRequest } from '@clinicdesk/shared/disclosures/release-request.schema.ts';
import {
  requestFromForm,
  type RequestForm,
  type RequestFormErrors,
} from '@clinicdesk/shared/disclosures/request-form.ts';
import {
  denyRequest,
  extendAccessRequest,
  startRequest,
  type RequestStepError,
} from '@clinicdesk/shared/disclosures/request-steps.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { nowIso, today } from '../clock.ts';
import { readDocument } from '../db/documents.svelte.ts';
import { newId } from '../session/device.ts';
import {
  changeRecord,
  check,
  createRecords,
  type ReleaseRecordError,
  type ReleaseWorkspace,
  stampNow,
} from './release-records.ts';

/**
 * Release of information on this device (issue 12.8): a request taken in, moved on, denied or
 * extended, a release recorded with its disclosure, the letterhead set. Everything is stored
 * here first and syncs when it can; the server judges the same rules again.
 */

export type RequestOutcome = Result<ReleaseRequest, RequestFormErrors | { form: string }>;

/** Takes in a new request from the form; nothing is stored when any field is wrong. */
export async function takeRequest(
  workspace: ReleaseWorkspace,
  patientId: string,
  form: RequestForm,
): Promise<RequestOutcome> {
  const made = requestFromForm(form, {
    id: newId(),
    patientId,
    now: nowIso(),
    today: today(),
    stamp: stampNow(workspace),
  });
  if (!made.ok) return made;
  const stored = await createRecords(workspace, [made.value]);
  return stored.ok ? ok(made.value) : fail({ form: stored.error.message });
}

type StepError = RequestStepError | ReleaseRecordError;

export function startWorkOn(
  workspace: ReleaseWorkspace,
  id: string,
): Promise<Result<ReleaseRequest, StepError>> {
  return changeRecord(workspace, 'releaseRequest', id, (current) =>
    startRequest(current, nowIso()),
  );
}

export function deny(
  workspace: ReleaseWorkspace,
  id: string,
  reason: string,
): Promise<Result<ReleaseRequest, StepError>> {
  return changeRecord(workspace, 'releaseRequest', id, (current) =>
    denyRequest(current, {
      reason,
      on: today(),
      role: workspace.user.role,
      stamp: stampNow(workspace),
      now: nowIso(),
    }),
  );
}

export function extend(
  workspace: ReleaseWorkspace,
  id: string,
  input: { notifiedOn: string; reason: string; days: number },
): Promise<Result<ReleaseRequest, StepError>> {
  return changeRecord(workspace, 'releaseRequest', id, (current) =>
    extendAccessRequest(current, { ...input, now: nowIso(), today: today() }),
  );
}

export type ReleaseDetails = Pick<
  ReleaseInput,
  'documents' | 'releasePackage' | 'description' | 'disclosedOn' | 'delivery' | 'recipient'
>;

/**
 * Records that the package left the practice: the disclosure, and its request marked released,
 * both judged on the request's latest state here. The disclosure is checked before the request
 * changes, so a refusal stores neither.
 */
export async function recordDelivery(
  workspace: ReleaseWorkspace,
  requestId: string,
  details: ReleaseDetails,
): Promise<Result<Disclosure, { code: string; message: string; field?: string | undefined }>> {
  const id = newId();
  let disclosure: Disclosure | null = null;
  const changed = await changeRecord<'releaseRequest', ReleaseError | ReleaseRecordError>(
    workspace,
    'releaseRequest',
    requestId,
    (current) => {
      const made = recordRelease({
        ...details,
        id,
        now: nowIso(),
        role: workspace.user.role,
        stamp: stampNow(workspace),
        request: current,
      });
      if (!made.ok) return made;
      const valid = check('disclosure', made.value.disclosure);
      if (!valid.ok) return valid;
      disclosure = made.value.disclosure;
      return ok(made.value.request);
    },
  );
  if (!changed.ok) return changed;
  // Set by the change that was stored (the last one run, on the latest state).
  const made = disclosure as Disclosure | null;
  if (!made) return fail({ code: 'invalid', message: 'The release was not recorded' });
  const stored = await createRecords(workspace, [made]);
  return stored.ok ? ok(made) : stored;
}

export type LetterheadFields = Pick<ReleaseLetterhead, 'practiceName' | 'practiceAddress' | 'practicePhone'>; // prettier-ignore

/** Sets the practice's letterhead (made the first time, changed after). */
export async function saveLetterhead(
  workspace: ReleaseWorkspace,
  fields: LetterheadFields,
): Promise<Result<ReleaseLetterhead, ReleaseRecordError>> {
  const tidy: LetterheadFields = {
    practiceName: fields.practiceName.trim().replace(/\s+/g, ' '),
    practiceAddress: fields.practiceAddress.trim(),
    practicePhone: fields.practicePhone.trim(),
  };
  const existing = await readDocument(workspace, 'releaseLetterhead', LETTERHEAD_ID);
  if (existing) return changeRecord(workspace, 'releaseLetterhead', LETTERHEAD_ID, (current) => ok({ ...current, ...tidy })); // prettier-ignore
  const at = nowIso();
  const letterhead: ReleaseLetterhead = {
    id: LETTERHEAD_ID,
    kind: 'releaseLetterhead',
    ...tidy,
    createdAt: at,
    updatedAt: at,
  };
  const stored = await createRecords(workspace, [letterhead]);
  return stored.ok ? ok(letterhead) : stored;
}
