import { z } from 'zod';
import { blobRefSchema } from '../files/blob-ref.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { conflictsFieldSchema, editorSchema } from '../sync/conflict.schema.ts';
import { toRxJsonSchema } from '../sync/rx-json-schema.ts';

/**
 * The patient document: the one schema used by the registration form, the device's RxDB
 * collection and the server's validation of every pushed row.
 */

/** Administrative sex (US Core): what payers and labs require, not gender identity. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** US states, DC and territories (USPS codes). */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA',
  'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM',
  'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA',
  'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const; // prettier-ignore

/** Letters of any script, combining marks, spaces, and the punctuation real names use. */
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} '’.,-]*$/u;
const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
const ISO_DATE_TIME = z.iso.datetime({ offset: false });

const name = (label: string) =>
  z
    .string()
    .min(1, `Enter the ${label}`)
    .max(100, `The ${label} can be at most 100 characters`)
    .regex(NAME_PATTERN, `The ${label} can only contain letters, spaces, hyphens and apostrophes`);

export const addressSchema = z.strictObject({
  line1: z.string().min(1, 'Enter the street address').max(200),
  line2: z.string().max(200).optional(),
  city: z.string().min(1, 'Enter the city').max(100),
  state: z.enum(US_STATES, 'Choose a state'),
  postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'Enter a 5-digit ZIP code (or ZIP+4)'),
});
export type Address = z.infer<typeof addressSchema>;

export const patientSchema = z.strictObject({
  id: z.string().regex(UUID_PATTERN, 'Not a valid id').length(36),
  givenName: name('first name'),
  middleName: name('middle name').optional(),
  familyName: name('last name'),
  dateOfBirth: z.iso.date('Enter a real date of birth'),
  sex: z.enum(SEXES, 'Choose the administrative sex'),
  phone: z.string().regex(E164_PATTERN, 'Enter a phone number with its area code').optional(),
  email: z.email('Enter an email address like name@example.com').max(254).optional(),
  address: addressSchema.optional(),
  /** A photo for recognising the patient at the desk; the bytes live in the blob store. */
  photo: blobRefSchema.optional(),
  /** Device clock at creation and last edit: shown to staff, never used to order sync. */
  createdAt: ISO_DATE_TIME,
  updatedAt: ISO_DATE_TIME,
  /** Who made the latest edit, from which device (stamped on every local write). */
  editedBy: editorSchema.optional(),
  /** Values two people set differently while apart, kept until someone settles them. */
  conflicts: conflictsFieldSchema.optional(),
});
export type Patient = z.infer<typeof patientSchema>;

/**
 * RxDB schema version of the device's collection. 1 added `editedBy` and `conflicts`, both
 * optional, so version-0 documents migrate unchanged (see `web/src/lib/db/database.ts`).
 */
export const PATIENT_SCHEMA_VERSION = 1;

/**
 * The RxDB (JSON Schema) form of `patientSchema`. Indexed fields must be required strings with
 * a maximum length, which the zod schema already states.
 */
export function patientRxSchema() {
  const { properties, required } = toRxJsonSchema(patientSchema);
  return {
    title: 'patients',
    version: PATIENT_SCHEMA_VERSION,
    primaryKey: 'id',
    type: 'object' as const,
    properties,
    required,
    indexes: [['familyName', 'givenName', 'id']],
  };
}
