import { z } from 'zod';
import { calendarDate, deviceStamp } from '../dates/plausible-dates.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { shortText } from '../patients/person.schema.ts';
import { documentBase } from '../registry/document-base.ts';
import { editorSchema } from '../sync/conflict.schema.ts';
import { CANCEL_REASONS, VISIT_TYPES } from './visit-labels.ts';

/**
 * One arrival at the front desk, from check-in to check-out: the record behind the arrivals
 * board. Each step is its own stamp (when, who), never a single "state" field, so two tablets
 * moving the same visit while apart merge field by field and neither step is lost.
 */

const ISO_DATE_TIME = deviceStamp;

/** When a step happened and who recorded it, from which device. */
export const stepStampSchema = z.strictObject({ at: ISO_DATE_TIME, by: editorSchema });
export type StepStamp = z.infer<typeof stepStampSchema>;

export { VISIT_TYPE_LABELS, VISIT_TYPES, type VisitType } from './visit-labels.ts';

/**
 * `v-<day>-<n>-<patient id>`: the patient's n-th visit that day. Derived, not random, so that two
 * tablets checking the same patient in while offline write the same visit, which then merges,
 * instead of putting them on the board twice.
 */
export const VISIT_ID_PATTERN = /^v-\d{4}-\d{2}-\d{2}-\d{1,2}-[0-9a-f-]{36}$/;

export const visitSchema = z
  .strictObject({
    id: z.string().regex(VISIT_ID_PATTERN, 'Not a valid visit id').max(60),
    patientId: z.string().regex(UUID_PATTERN, 'Not a valid id').length(36),
    /** The clinic day (the desk's local date at arrival). */
    day: calendarDate('clinic day').length(10),
    /** Booked or walked in. */
    visitType: z.enum(VISIT_TYPES),
    /** Appointment time as `HH:MM` (24 h), when the patient has one. */
    appointmentTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM')
      .optional(),
    reason: shortText(200, 'reason for the visit').optional(),
    arrived: stepStampSchema,
    /** Taken to an exam room. */
    roomed: stepStampSchema.optional(),
    room: shortText(40, 'room').optional(),
    checkedOut: stepStampSchema.optional(),
    /** Left without being seen, or the visit was entered by mistake. */
    cancelled: stepStampSchema.optional(),
    cancelReason: z.enum(CANCEL_REASONS).optional(),
    ...documentBase('visit'),
  })
  // The id names the day and the patient (see VISIT_ID_PATTERN); a visit whose id says another
  // would merge with the wrong patient's or day's visit on another tablet.
  .refine((visit) => visit.id.slice(2, 12) === visit.day, {
    path: ['id'],
    message: 'The visit id names another day than the visit',
  })
  .refine((visit) => visit.id.endsWith(`-${visit.patientId}`), {
    path: ['id'],
    message: 'The visit id names another patient than the visit',
  });
export type Visit = z.infer<typeof visitSchema>;

export { CANCEL_REASON_LABELS } from './visit-labels.ts';
