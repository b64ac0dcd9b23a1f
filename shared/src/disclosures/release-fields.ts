import { z } from 'zod';
import { calendarDate, deviceStamp } from '../dates/plausible-dates.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { editorSchema } from '../sync/conflict.schema.ts';
import { lineText } from '../text/line-text.ts';
import { longText } from '../text/long-text.ts';
import { DISCLOSURE_PURPOSE_IDS } from './disclosure-purposes.ts';

/**
 * Fields the kinds of the `disclosures` partition share. A field two kinds have must have one
 * form (the partition's RxDB schema has one property per name), so each is written once here.
 */

/** A client-made UUIDv7 (every disclosures record, and what one record says of another). */
export const recordId = (what: string) =>
  z.string().regex(UUID_PATTERN, `Not a valid ${what} id`).length(36);

/** When something was done and by whom, from which device (an author stamp: ADR 16). */
export const doneStampSchema = z.strictObject({ at: deviceStamp, by: editorSchema });
export type DoneStamp = z.infer<typeof doneStampSchema>;

export const purposeSchema = z.enum(DISCLOSURE_PURPOSE_IDS, 'Choose why the records are released');

/** Lines as on an envelope: street, then city, state and ZIP. */
export const postalAddress = (label: string) =>
  longText(label, 400)
    .refine((text) => text.trim() !== '', `Enter the ${label}`)
    .refine((text) => text.split('\n').length <= 6, `Keep the ${label} to six lines`);

/**
 * A patient's signed authorization (45 CFR 164.508) as the release desk checks it against the
 * paper: its dates, and whether the form has each element 164.508(c) requires
 * (`authorizationValid` judges it on the day of a release).
 */
export const authorizationSchema = z.strictObject({
  signedOn: calendarDate('date the authorization was signed'),
  expires: z.union([
    z.strictObject({ on: calendarDate('expiry date') }),
    z.strictObject({
      event: lineText('expiry event', 200),
      occurredOn: calendarDate('date of the expiry event').optional(),
    }),
  ]),
  revokedOn: calendarDate('date it was revoked').optional(),
  signedByRepresentative: z.boolean().optional(),
  coreElements: z.strictObject({
    description: z.boolean(),
    whoMayDisclose: z.boolean(),
    recipients: z.boolean(),
    purpose: z.boolean(),
    expiration: z.boolean(),
    signatureAndDate: z.boolean(),
    representativeAuthority: z.boolean().optional(),
  }),
  requiredStatements: z.strictObject({
    rightToRevoke: z.boolean(),
    conditioning: z.boolean(),
    redisclosure: z.boolean(),
  }),
});
export type AuthorizationRecord = z.infer<typeof authorizationSchema>;

/**
 * Why the practice may release: the patient's authorization on file, or a basis that needs
 * none, as the office names it ("Subpoena duces tecum, Case 2026-CV-0192, Superior Court";
 * "Patient's right of access, 45 CFR 164.524").
 */
export const basisSchema = z.union([
  z.strictObject({ authorization: authorizationSchema }),
  z.strictObject({ legalBasis: lineText('legal basis', 300) }),
]);
export type ReleaseBasisRecord = z.infer<typeof basisSchema>;

/** Who asked, or who received: a person, their organisation, where they are. */
export const partySchema = (who: string) =>
  z.strictObject({
    name: lineText(`${who}'s name`, 120),
    organisation: lineText('organisation', 160, false).optional(),
    address: postalAddress(`${who}'s address`),
  });
export type Party = z.infer<ReturnType<typeof partySchema>>;

/** Only the purposes released under an authorization take one, and they must. */
export function basisFitsPurpose(purpose: string, basis: ReleaseBasisRecord): boolean {
  return (purpose === 'patient-authorization') === 'authorization' in basis;
}
export const BASIS_MISFIT =
  "A release under the patient's authorization needs the authorization on file, and only such a release does";
