import { z } from 'zod';
import { calendarDate } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { longText } from '../text/long-text.ts';
import { REQUEST_STATUSES } from './release-labels.ts';
import {
  BASIS_MISFIT,
  basisFitsPurpose,
  basisSchema,
  doneStampSchema,
  partySchema,
  purposeSchema,
  recordId,
} from './release-fields.ts';

/**
 * A request to release a patient's records (issue 12.8): who asks (name, organisation,
 * address), for whom, what they ask for, why (a purpose of `DISCLOSURE_PURPOSES`), the basis
 * (the patient's authorization on file or a legal basis), when it was received, and where it
 * stands: received → in progress → released, or denied with the reason. A request from the
 * patient for their own records is an access request (45 CFR 164.524): its 30-day clock runs
 * from `receivedOn` (`accessRequestClock`), later by a written extension, and stops on
 * `answeredOn`.
 */
export const releaseRequestSchema = z
  .strictObject({
    id: recordId('request'),
    patientId: recordId('patient'),
    requester: partySchema('requester'),
    /** What is asked for, as the request says it ("Office notes and labs, 2023–2025"). */
    recordsRequested: lineText('description of the records requested', 300),
    purpose: purposeSchema,
    basis: basisSchema,
    receivedOn: calendarDate('date the request was received'),
    /** The date a subpoena, order or agency's letter sets for the answer (not an access request's). */
    respondBy: calendarDate('date to respond by').optional(),
    status: z.enum(REQUEST_STATUSES),
    /** Who took the request in, from which device. */
    recorded: doneStampSchema,
    /** An access request's written notice of a delay (164.524(b)(2)(ii)). */
    extension: z
      .strictObject({
        notifiedOn: calendarDate('date the patient was told of the delay'),
        reason: lineText('reason for the delay', 300),
        days: z.number().int().min(1).max(30).optional(),
      })
      .optional(),
    /** The day the request was answered: released or denied. */
    answeredOn: calendarDate('date the request was answered').optional(),
    denial: z
      .strictObject({ reason: lineText('reason for the denial', 500), ...doneStampSchema.shape })
      .optional(),
    notes: longText('notes', 2000).optional(),
    ...documentBase('releaseRequest'),
  })
  .refine((request) => basisFitsPurpose(request.purpose, request.basis), {
    path: ['basis'],
    message: BASIS_MISFIT,
  })
  .refine((request) => (request.status === 'denied') === (request.denial !== undefined), {
    path: ['denial'],
    message: 'A denied request gives the reason, and only a denied one',
  })
  .refine(
    (request) =>
      (request.status === 'released' || request.status === 'denied') ===
      (request.answeredOn !== undefined),
    { path: ['answeredOn'], message: 'An answered request says when it was answered' },
  )
  .refine((request) => !request.answeredOn || request.answeredOn >= request.receivedOn, {
    path: ['answeredOn'],
    message: 'A request is answered on or after the day it was received',
  })
  .refine((request) => !request.respondBy || request.respondBy >= request.receivedOn, {
    path: ['respondBy'],
    message: 'The date to respond by cannot be before the request was received',
  })
  .refine((request) => !request.extension || request.purpose === 'to-the-patient', {
    path: ['extension'],
    message: 'Only a patient’s request for their own records takes an extension',
  });
export type ReleaseRequest = z.infer<typeof releaseRequestSchema>;
