import { z } from 'zod';
import { birthDate, calendarDate, deviceStamp } from '../dates/plausible-dates.ts';
import { blobRefSchema } from '../blobs/blob-ref.schema.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { documentBase } from '../registry/document-base.ts';
import { communicationSchema, consentsSchema, privacyNoticeSchema } from './consents.schema.ts';
import { coverageSchema } from './coverage.schema.ts';
import {
  ETHNICITIES,
  GENDER_IDENTITIES,
  LANGUAGE_PATTERN,
  PHONE_TYPES,
  PRONOUNS,
  RACES,
  RELATIONSHIPS,
} from './patient-codes.ts';
import {
  addressSchema,
  entryKey,
  personName,
  phoneNumber,
  SEXES,
  shortText,
} from './person.schema.ts';

export {
  type Address,
  addressSchema,
  type Sex,
  SEX_LABELS,
  SEXES,
  US_STATES,
} from './person.schema.ts';

/**
 * The patient document: the one schema used by the registration form, the device's RxDB
 * collection and the server's validation of every pushed row (US Core / USCDI demographics,
 * OpenEMR's front-desk fields, HIPAA privacy notice; see docs/architecture.md).
 *
 * Only what every chart has ever had is required (name, birth date, sex, stamps): anything a
 * NEW registration must hold is the form's rule, so records stored before a field existed stay
 * valid. Lists are keyed objects, never arrays (see `entryKey`).
 */

const ISO_DATE_TIME = deviceStamp;

/** A name the patient was known by before (USCDI previous name), e.g. a maiden name. */
export const previousNameSchema = z.strictObject({
  givenName: personName('previous first name').optional(),
  familyName: personName('previous last name'),
  /** Until when it was used, if known. */
  until: calendarDate('date the name was used until').optional(),
});
export type PreviousName = z.infer<typeof previousNameSchema>;

export const emergencyContactSchema = z.strictObject({
  name: personName('contact name'),
  relationship: z.enum(RELATIONSHIPS),
  phone: phoneNumber,
  otherPhone: phoneNumber.optional(),
});
export type EmergencyContact = z.infer<typeof emergencyContactSchema>;

/**
 * Who is responsible for the bill and, where `personalRepresentative` is set, may act for the
 * patient under HIPAA (45 CFR 164.502(g)) — a parent or guardian of a minor, or someone with a
 * health-care power of attorney. Absent: the patient is their own guarantor.
 */
export const guarantorSchema = z.strictObject({
  givenName: personName('guarantor first name'),
  familyName: personName('guarantor last name'),
  relationship: z.enum(RELATIONSHIPS),
  dateOfBirth: birthDate('guarantor date of birth').optional(),
  phone: phoneNumber.optional(),
  address: addressSchema.optional(),
  personalRepresentative: z.boolean().optional(),
  /** The authority a personal representative acts under, e.g. "Parent of a minor". */
  authority: shortText(200, 'authority').optional(),
});
export type Guarantor = z.infer<typeof guarantorSchema>;

/** A clinician outside or inside the practice; the NPI when known. */
export const providerSchema = z.strictObject({
  name: shortText(120, 'provider name'),
  npi: z
    .string()
    .regex(/^\d{10}$/, 'An NPI has 10 digits')
    .optional(),
  phone: phoneNumber.optional(),
});
export type Provider = z.infer<typeof providerSchema>;

export const pharmacySchema = z.strictObject({
  name: shortText(120, 'pharmacy name'),
  phone: phoneNumber.optional(),
  /** Where it is, as staff say it: "Main St & 5th, Springfield". */
  location: shortText(200, 'pharmacy location').optional(),
});
export type Pharmacy = z.infer<typeof pharmacySchema>;

export const employerSchema = z.strictObject({
  name: shortText(120, 'employer name'),
  occupation: shortText(120, 'occupation').optional(),
  phone: phoneNumber.optional(),
});
export type Employer = z.infer<typeof employerSchema>;

export const patientSchema = z
  .strictObject({
    id: z.string().regex(UUID_PATTERN, 'Not a valid id').length(36),
    /** Human-readable chart number (MRN), allocated from a block the server reserved per device. */
    chartNumber: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,20}$/, 'Not a valid chart number')
      .optional(),
    /** Set when this chart was merged into another: the surviving chart's id. */
    mergedInto: z.string().regex(UUID_PATTERN, 'Not a valid id').length(36).optional(),

    // Identity
    givenName: personName('first name'),
    middleName: personName('middle name').optional(),
    familyName: personName('last name'),
    suffix: z
      .string()
      .regex(/^[\p{L}0-9.]{1,10}$/u, 'Enter a suffix such as Jr. or III')
      .optional(),
    /** The name the patient wants to be called by (USCDI "name to use"). */
    preferredName: personName('preferred name').optional(),
    previousNames: z.record(entryKey, previousNameSchema).optional(),
    dateOfBirth: birthDate(),
    /** The birth date is an estimate (the patient or family does not know it exactly). */
    dateOfBirthEstimated: z.boolean().optional(),
    sex: z.enum(SEXES, 'Choose the administrative sex'),
    genderIdentity: z.enum(GENDER_IDENTITIES).optional(),
    /** The patient's own words when `genderIdentity` is "other". */
    genderIdentityText: shortText(60, 'gender identity').optional(),
    pronouns: z.enum(PRONOUNS).optional(),
    pronounsText: shortText(40, 'pronouns').optional(),
    /** OMB race categories, several allowed; "declined" stands alone. Kept sorted. */
    race: z
      .array(z.enum(RACES))
      .max(RACES.length)
      .refine((races) => new Set(races).size === races.length, {
        message: 'Each race can be chosen only once',
      })
      .optional(),
    ethnicity: z.enum(ETHNICITIES).optional(),
    preferredLanguage: z.string().regex(LANGUAGE_PATTERN, 'Not a language code').optional(),
    interpreterNeeded: z.boolean().optional(),
    /** A photo for recognising the patient at the desk; the bytes live in the blob store. */
    photo: blobRefSchema.optional(),

    // Contact
    /** The number to call first, of type `phoneType`; other numbers are in `otherPhones`. */
    phone: phoneNumber.optional(),
    phoneType: z.enum(PHONE_TYPES).optional(),
    otherPhones: z
      .strictObject({
        mobile: phoneNumber.optional(),
        home: phoneNumber.optional(),
        work: phoneNumber.optional(),
      })
      .optional(),
    email: z.email('Enter an email address like name@example.com').max(254).optional(),
    /** Home address. */
    address: addressSchema.optional(),
    /** Where post goes, when not to the home address. */
    mailingAddress: addressSchema.optional(),
    emergencyContacts: z.record(entryKey, emergencyContactSchema).optional(),
    guarantor: guarantorSchema.optional(),
    employer: employerSchema.optional(),
    primaryCareProvider: providerSchema.optional(),
    referringProvider: providerSchema.optional(),
    preferredPharmacy: pharmacySchema.optional(),

    // Coverage, consents and privacy
    coverage: coverageSchema.optional(),
    privacyNotice: privacyNoticeSchema.optional(),
    communication: communicationSchema.optional(),
    consents: consentsSchema.optional(),

    // Check-in
    /** When the desk last confirmed address and phone with the patient (at check-in). */
    demographicsConfirmedAt: ISO_DATE_TIME.optional(),

    ...documentBase('patient'),
  })
  .refine((patient) => patient.mergedInto !== patient.id, {
    path: ['mergedInto'],
    message: 'A chart cannot be merged into itself',
  });
export type Patient = z.infer<typeof patientSchema>;
