import { acknowledgmentCampaignConflicts } from '../acknowledgments/acknowledgment-campaign-conflicts.ts';
import { acknowledgmentConflicts } from '../acknowledgments/acknowledgment-conflicts.ts';
import { chartMergeConflicts } from '../charts/chart-merge-conflicts.ts';
import { visitConflicts } from '../checkin/visit-conflicts.ts';
import {
  disclosureConflicts,
  releaseLetterheadConflicts,
  releaseRequestConflicts,
} from '../disclosures/disclosure-conflicts.ts';
import {
  categoryConflicts,
  correspondentConflicts,
  customFieldConflicts,
  documentTypeConflicts,
  filedDocumentConflicts,
  filingSettingsConflicts,
  legalHoldConflicts,
  retentionRuleConflicts,
  tagConflicts,
} from '../filing/filing-conflicts.ts';
import { patientConflicts } from '../patients/patient-conflicts.ts';
import { approvalConflicts } from '../policies/approval-conflicts.ts';
import { manualConflicts } from '../policies/manual-conflicts.ts';
import { policyConflicts } from '../policies/policy-conflicts.ts';
import { policyVersionConflicts } from '../policies/policy-version-conflicts.ts';
import { reviewConflicts } from '../policies/review-conflicts.ts';
import type { ConflictDescriber, PatientRefs } from '../sync/conflict-describer.ts';
import { kindOf, type KindDocuments, type KindName, type PartitionName } from './partitions.ts';

export type ConflictDescription<K extends KindName> = {
  describer: ConflictDescriber<KindDocuments[K]>;
  patientRefs: PatientRefs<KindDocuments[K]>;
};

/**
 * Every kind's conflict describer and the patients its records name: the type requires one for
 * each kind the registry declares, so a new kind cannot reach the inbox unnamed. Zod-free, like
 * the inbox that loads it (lazily: not on the first screen).
 */
export const CONFLICT_DESCRIBERS: { [K in KindName]: ConflictDescription<K> } = {
  patient: { describer: patientConflicts, patientRefs: () => [] },
  visit: { describer: visitConflicts, patientRefs: (visit) => [visit.patientId] },
  chartMerge: {
    describer: chartMergeConflicts,
    patientRefs: (merge) => [merge.survivorId, merge.mergedId],
  },
  filedDocument: {
    describer: filedDocumentConflicts,
    patientRefs: (doc) => (doc.patientId ? [doc.patientId] : []),
  },
  category: { describer: categoryConflicts, patientRefs: () => [] },
  documentType: { describer: documentTypeConflicts, patientRefs: () => [] },
  customField: { describer: customFieldConflicts, patientRefs: () => [] },
  correspondent: { describer: correspondentConflicts, patientRefs: () => [] },
  tag: { describer: tagConflicts, patientRefs: () => [] },
  retentionRule: { describer: retentionRuleConflicts, patientRefs: () => [] },
  filingSettings: { describer: filingSettingsConflicts, patientRefs: () => [] },
  legalHold: {
    describer: legalHoldConflicts,
    patientRefs: (hold) => (hold.patientId ? [hold.patientId] : []),
  },
  releaseRequest: {
    describer: releaseRequestConflicts,
    patientRefs: (request) => [request.patientId],
  },
  disclosure: { describer: disclosureConflicts, patientRefs: (d) => [d.patientId] },
  releaseLetterhead: { describer: releaseLetterheadConflicts, patientRefs: () => [] },
  manual: { describer: manualConflicts, patientRefs: () => [] },
  policy: { describer: policyConflicts, patientRefs: () => [] },
  policyVersion: { describer: policyVersionConflicts, patientRefs: () => [] },
  policyApproval: { describer: approvalConflicts, patientRefs: () => [] },
  policyReview: { describer: reviewConflicts, patientRefs: () => [] },
  acknowledgmentCampaign: { describer: acknowledgmentCampaignConflicts, patientRefs: () => [] },
  acknowledgment: { describer: acknowledgmentConflicts, patientRefs: () => [] },
};

/** How a stored record of a partition speaks of its conflicts; undefined for an unknown kind. */
export function describerFor(
  partition: PartitionName,
  doc: Readonly<Record<string, unknown>>,
): ConflictDescription<KindName> | undefined {
  const kind = kindOf(partition, doc);
  return kind === undefined
    ? undefined
    : (CONFLICT_DESCRIBERS[kind] as unknown as ConflictDescription<KindName>);
}
