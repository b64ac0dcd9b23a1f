import { z } from 'zod';
import { SHA256_PATTERN } from '../blobs/blob-ref.ts';
import { calendarDate } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { authorizationValid } from './authorization-valid.ts';
import { needsAccountingEntry } from './disclosure-purposes.ts';
import { DELIVERY_METHODS } from './release-labels.ts';
import {
  BASIS_MISFIT,
  basisFitsPurpose,
  basisSchema,
  doneStampSchema,
  partySchema,
  purposeSchema,
  recordId,
} from './release-fields.ts';

const sha256 = z.string().regex(SHA256_PATTERN, 'Not a SHA-256 hex digest');

/**
 * One enclosed document as it was released: the version sent, its file's SHA-256 and its pages.
 * No `type` beside the hash: this names what was sent, it is not a file the record holds
 * (blobReferences), and the title is not copied here — the release log is read by roles that
 * may not read every filed document (minimum necessary); a screen names it from filing.
 */
export const releasedDocumentSchema = z.strictObject({
  versionId: recordId('document version'),
  sha256,
  pageCount: z.number().int().min(1).max(2000),
});
export type ReleasedDocument = z.infer<typeof releasedDocumentSchema>;

/**
 * A disclosure: records of a patient that left the practice (issue 12.8) — which documents
 * and the package they went in (its SHA-256 and pages; the package can be made again from the
 * same files), to whom, when, how it was delivered, by whom, why and on what basis (copied from
 * the request as they were on the day), and a brief description for the accounting.
 *
 * `accountable` says whether the patient's accounting of disclosures lists it (45 CFR
 * 164.528). It is never typed by staff: the schema refuses any value but the one the purpose
 * decides (`needsAccountingEntry`), on the device and on the server alike. A release under an
 * authorization that was not valid on the day (expired, revoked, defective) is refused too.
 */
export const disclosureSchema = z
  .strictObject({
    id: recordId('disclosure'),
    requestId: recordId('request'),
    patientId: recordId('patient'),
    recipient: partySchema('recipient'),
    purpose: purposeSchema,
    basis: basisSchema,
    /** What was disclosed, briefly, as the accounting prints it. */
    description: lineText('description of what was released', 300),
    /** Staff's own statement of the purpose; the purpose's standard statement when absent. */
    purposeStatement: lineText('statement of the purpose', 300, false).optional(),
    documents: z
      .record(recordId('document'), releasedDocumentSchema)
      .refine((docs) => Object.keys(docs).length >= 1, 'A release encloses at least one document')
      .refine((docs) => Object.keys(docs).length <= 200, 'At most 200 documents in one release'),
    releasePackage: z.strictObject({ sha256, pageCount: z.number().int().min(1).max(20_000) }),
    disclosedOn: calendarDate('date of the release'),
    delivery: z.strictObject({
      method: z.enum(DELIVERY_METHODS, 'Choose how the records were delivered'),
      detail: lineText('delivery detail', 200, false).optional(),
    }),
    released: doneStampSchema,
    accountable: z.boolean(),
    ...documentBase('disclosure'),
  })
  .refine((d) => basisFitsPurpose(d.purpose, d.basis), { path: ['basis'], message: BASIS_MISFIT })
  .refine((d) => d.accountable === needsAccountingEntry(d.purpose), {
    path: ['accountable'],
    message: 'Whether a disclosure is accounted for follows from its purpose (45 CFR 164.528)',
  })
  .superRefine((d, ctx) => {
    if (!('authorization' in d.basis)) return;
    const validity = authorizationValid(d.basis.authorization, d.disclosedOn);
    if (!validity.valid)
      ctx.addIssue({ code: 'custom', path: ['basis'], message: validity.message });
  });
export type Disclosure = z.infer<typeof disclosureSchema>;
