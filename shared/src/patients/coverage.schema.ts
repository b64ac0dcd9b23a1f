import { z } from 'zod';
import { birthDate, calendarDate } from '../dates/plausible-dates.ts';
import { blobRefSchema } from '../blobs/blob-ref.schema.ts';
import { addressSchema, personName, phoneNumber, SEXES, shortText } from './person.schema.ts';

/**
 * Insurance coverage: up to three plans, by the order in which they are billed. Plans are keyed
 * by that order (never an array), so two devices editing different plans, or different fields of
 * one plan, merge field by field without a conflict.
 */

export const COVERAGE_ORDERS = ['primary', 'secondary', 'tertiary'] as const;
export type CoverageOrder = (typeof COVERAGE_ORDERS)[number];
export const COVERAGE_ORDER_LABELS: Record<CoverageOrder, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  tertiary: 'Tertiary',
};

export const PAYER_TYPES = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];
export const PAYER_TYPE_LABELS: Record<PayerType, string> = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  commercial: 'Commercial insurance',
  'self-pay': 'Self-pay',
  other: 'Other',
};

/** The patient's relationship to the plan's subscriber (policy holder). */
export const SUBSCRIBER_RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;
export type SubscriberRelationship = (typeof SUBSCRIBER_RELATIONSHIPS)[number];
export const SUBSCRIBER_RELATIONSHIP_LABELS: Record<SubscriberRelationship, string> = {
  self: 'Self (the patient is the subscriber)',
  spouse: 'Spouse',
  child: 'Child',
  other: 'Other',
};

/** The policy holder, kept only when it is not the patient. */
export const subscriberSchema = z.strictObject({
  givenName: personName('subscriber first name'),
  familyName: personName('subscriber last name'),
  dateOfBirth: birthDate('subscriber date of birth'),
  sex: z.enum(SEXES).optional(),
  address: addressSchema.optional(),
  phone: phoneNumber.optional(),
  employer: shortText(120, 'subscriber employer').optional(),
});
export type Subscriber = z.infer<typeof subscriberSchema>;

/**
 * One plan. Every field but the payer type is optional in the stored record, so that a merge
 * of two valid edits is always valid; what a new registration must hold is the form's rule
 * (`validateCoverageForm`): self-pay needs no payer or member id, the others do.
 */
export const coveragePlanSchema = z.strictObject({
  payerType: z.enum(PAYER_TYPES, 'Choose the payer type'),
  payerName: shortText(120, 'insurance company').optional(),
  planName: shortText(120, 'plan name').optional(),
  memberId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,30}$/, 'Not a valid member id')
    .optional(),
  groupNumber: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,30}$/, 'Not a valid group number')
    .optional(),
  relationship: z.enum(SUBSCRIBER_RELATIONSHIPS).optional(),
  subscriber: subscriberSchema.optional(),
  effectiveDate: calendarDate('effective date').optional(),
  endDate: calendarDate('end date').optional(),
  /** Copay in cents, so no rounding ever creeps in. */
  copayCents: z.number().int().min(0).max(10_000_00).optional(),
  /** Photos of the insurance card; the bytes live in the blob store. */
  cardFront: blobRefSchema.optional(),
  cardBack: blobRefSchema.optional(),
});
export type CoveragePlan = z.infer<typeof coveragePlanSchema>;

export const coverageSchema = z.strictObject({
  primary: coveragePlanSchema.optional(),
  secondary: coveragePlanSchema.optional(),
  tertiary: coveragePlanSchema.optional(),
});
export type Coverage = z.infer<typeof coverageSchema>;
