import type { z } from 'zod';
import { acknowledgmentCampaignSchema } from '../acknowledgments/acknowledgment-campaign.schema.ts';
import { acknowledgmentSchema } from '../acknowledgments/acknowledgment.schema.ts';
import { chartMergeSchema } from '../charts/chart-merge.schema.ts';
import { visitSchema } from '../checkin/visit.schema.ts';
import { disclosureSchema } from '../disclosures/disclosure.schema.ts';
import { releaseLetterheadSchema } from '../disclosures/release-letterhead.schema.ts';
import { releaseRequestSchema } from '../disclosures/release-request.schema.ts';
import { categorySchema } from '../filing/category.schema.ts';
import { correspondentSchema } from '../filing/correspondent.schema.ts';
import { customFieldSchema } from '../filing/custom-field.schema.ts';
import { documentTypeSchema } from '../filing/document-type.schema.ts';
import { filedDocumentSchema } from '../filing/filed-document.schema.ts';
import { legalHoldSchema } from '../filing/legal-hold.schema.ts';
import { retentionRuleSchema } from '../filing/retention-rule.schema.ts';
import { filingSettingsSchema } from '../filing/settings/filing-settings.schema.ts';
import { tagSchema } from '../filing/tag.schema.ts';
import { patientSchema } from '../patients/patient.schema.ts';
import { approvalSchema } from '../policies/approval.schema.ts';
import { manualSchema } from '../policies/manual.schema.ts';
import { policyVersionSchema } from '../policies/policy-version.schema.ts';
import { policySchema } from '../policies/policy.schema.ts';
import { reviewSchema } from '../policies/review.schema.ts';
import type { KindDocuments, KindName } from './partitions.ts';

/**
 * The zod schema of every kind of record, which both the server (every pushed row) and the
 * device's forms enforce; the RxDB schemas are generated from them (`partition-rx-schema.ts`).
 * The type requires exactly one per kind the registry declares, and each must give its
 * kind's document type.
 */
export const KIND_SCHEMAS = {
  patient: patientSchema,
  chartMerge: chartMergeSchema,
  visit: visitSchema,
  filedDocument: filedDocumentSchema,
  category: categorySchema,
  documentType: documentTypeSchema,
  customField: customFieldSchema,
  correspondent: correspondentSchema,
  tag: tagSchema,
  retentionRule: retentionRuleSchema,
  legalHold: legalHoldSchema,
  releaseRequest: releaseRequestSchema,
  disclosure: disclosureSchema,
  releaseLetterhead: releaseLetterheadSchema,
  filingSettings: filingSettingsSchema,
  manual: manualSchema,
  policy: policySchema,
  policyVersion: policyVersionSchema,
  policyApproval: approvalSchema,
  policyReview: reviewSchema,
  acknowledgmentCampaign: acknowledgmentCampaignSchema,
  acknowledgment: acknowledgmentSchema,
} as const satisfies { [K in KindName]: z.ZodType<KindDocuments[K]> };
