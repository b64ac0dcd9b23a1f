import { z } from 'zod';
import { calendarDate } from '../dates/plausible-dates.ts';
import { lineText } from '../text/line-text.ts';
import { shortText } from './person.schema.ts';

/**
 * Consents, privacy and communication preferences. Each item is a flat object of optional
 * parts rather than a union of shapes: the sync merge combines two edits part by part, and a
 * combination of two valid flat objects is still valid. Which parts an answer needs is the
 * form's rule (`validateConsentsForm`).
 */

const VERSION = lineText('version', 40);

/** How the acknowledgment of the Notice of Privacy Practices was obtained. */
export const PRIVACY_NOTICE_METHODS = ['signed-tablet', 'signed-paper', 'email-receipt'] as const;
export type PrivacyNoticeMethod = (typeof PRIVACY_NOTICE_METHODS)[number];
export const PRIVACY_NOTICE_METHOD_LABELS: Record<PrivacyNoticeMethod, string> = {
  'signed-tablet': 'Signed on the tablet',
  'signed-paper': 'Signed on paper',
  'email-receipt': 'Receipt confirmed by email',
};

/**
 * Notice of Privacy Practices (45 CFR 164.520(c)(2)(ii)): at first service the practice makes
 * a good-faith effort to get a written acknowledgment; when it is not obtained, the effort made
 * and the reason are documented instead.
 */
export const privacyNoticeSchema = z.strictObject({
  status: z.enum(['acknowledged', 'not-obtained']),
  /** Version of the notice that was offered, e.g. "2026-01". */
  version: VERSION,
  /** When it was offered (and acknowledged). */
  date: calendarDate('date offered'),
  method: z.enum(PRIVACY_NOTICE_METHODS).optional(),
  /** When not obtained: what was done to try, e.g. "Offered at check-in, asked twice". */
  effort: shortText(500, 'effort made').optional(),
  /** When not obtained: why, e.g. "Patient refused to sign". */
  reason: shortText(500, 'reason').optional(),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

/**
 * How the practice may contact the patient (OpenEMR's hipaa_* flags). An absent answer means
 * "not asked", which the check-in board can flag; `false` is a recorded "no".
 */
export const communicationSchema = z.strictObject({
  voicemail: z.boolean().optional(),
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
  mail: z.boolean().optional(),
  /** Who may take a message, e.g. "Spouse, Dana". */
  leaveMessageWith: shortText(200, 'person who may take a message').optional(),
});
export type Communication = z.infer<typeof communicationSchema>;

export const CONSENT_KINDS = ['treatment', 'financial-policy', 'assignment-of-benefits', 'telehealth', 'photography', 'hie-sharing', 'immunization-registry'] as const; // prettier-ignore
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Consent to treatment',
  'financial-policy': 'Financial policy',
  'assignment-of-benefits': 'Assignment of benefits',
  telehealth: 'Telehealth consent',
  photography: 'Photography consent',
  'hie-sharing': 'Health information exchange sharing',
  'immunization-registry': 'Immunization registry sharing',
};

export const CONSENT_STATUSES = ['granted', 'refused', 'revoked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  granted: 'Given',
  refused: 'Refused',
  revoked: 'Withdrawn',
};

export const consentSchema = z.strictObject({
  status: z.enum(CONSENT_STATUSES),
  version: VERSION,
  date: calendarDate('consent date'),
  expires: calendarDate('expiry date').optional(),
});
export type Consent = z.infer<typeof consentSchema>;

/** Other consents, keyed by kind: one current answer per kind, merged kind by kind. */
export const consentsSchema = z.strictObject(
  Object.fromEntries(CONSENT_KINDS.map((kind) => [kind, consentSchema.optional()])) as Record<
    ConsentKind,
    z.ZodOptional<typeof consentSchema>
  >,
);
export type Consents = z.infer<typeof consentsSchema>;
