import type { AcknowledgmentCampaign } from '../acknowledgments/acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from '../acknowledgments/acknowledgment.schema.ts';
import { ACKNOWLEDGMENTS_PARTITION } from '../acknowledgments/acknowledgments.partition.ts';
import type { ChartMerge } from '../charts/chart-merge.schema.ts';
import { CHART_MERGES_PARTITION } from '../charts/chart-merges.partition.ts';
import type { Visit } from '../checkin/visit.schema.ts';
import { VISITS_PARTITION } from '../checkin/visits.partition.ts';
import type { Disclosure } from '../disclosures/disclosure.schema.ts';
import { DISCLOSURES_PARTITION } from '../disclosures/disclosures.partition.ts';
import type { ReleaseLetterhead } from '../disclosures/release-letterhead.schema.ts';
import type { ReleaseRequest } from '../disclosures/release-request.schema.ts';
import type { Category } from '../filing/category.schema.ts';
import type { Correspondent } from '../filing/correspondent.schema.ts';
import type { CustomField } from '../filing/custom-field.schema.ts';
import type { DocumentType } from '../filing/document-type.schema.ts';
import type { FiledDocument } from '../filing/filed-document.schema.ts';
import { FILING_PARTITION } from '../filing/filing.partition.ts';
import type { LegalHold } from '../filing/legal-hold.schema.ts';
import type { RetentionRule } from '../filing/retention-rule.schema.ts';
import type { FilingSettings } from '../filing/settings/filing-settings.schema.ts';
import type { Tag } from '../filing/tag.schema.ts';
import type { Patient } from '../patients/patient.schema.ts';
import { PATIENTS_PARTITION } from '../patients/patients.partition.ts';
import type { Approval } from '../policies/approval.schema.ts';
import type { Manual } from '../policies/manual.schema.ts';
import { POLICIES_PARTITION } from '../policies/policies.partition.ts';
import type { PolicyVersion } from '../policies/policy-version.schema.ts';
import type { Policy } from '../policies/policy.schema.ts';
import type { Review } from '../policies/review.schema.ts';
import type {
  DocumentMigration,
  KindRule,
  PartitionDeclaration,
  RecordScope,
  StoredDocument,
} from './partition.ts';

/**
 * THE registry: every sync partition, composed from the domains that declare them (ADR 15). The
 * device's database, the RxDB schemas (generated per partition), the permission table, the
 * server's validation and the conflict inbox all derive from it. Zod-free: the device opens its
 * database from this on the first screen; the zod schemas are composed in `kind-schemas.ts`.
 *
 * Order matters: devices pull and push partitions in this order (a visit waits for its patient).
 * RxDB's free build opens at most 13 collections per tab: keep 12 or fewer (partition-plan.test).
 */
export const PARTITIONS = {
  patients: PATIENTS_PARTITION,
  chartMerges: CHART_MERGES_PARTITION,
  visits: VISITS_PARTITION,
  filing: FILING_PARTITION,
  // After filing: a disclosure names filed documents.
  disclosures: DISCLOSURES_PARTITION,
  policies: POLICIES_PARTITION,
  // After policies: an acknowledgment names a policy version.
  acknowledgments: ACKNOWLEDGMENTS_PARTITION,
} as const satisfies Record<string, PartitionDeclaration>;

export type PartitionName = keyof typeof PARTITIONS;

/** The kinds of record a partition holds. */
export type KindOf<P extends PartitionName> = keyof (typeof PARTITIONS)[P]['kinds'] & string;
export type KindName = { [P in PartitionName]: KindOf<P> }[PartitionName];

/** The stored document of each kind (types only: the schemas are zod, the registry is not). */
export type KindDocuments = {
  patient: Patient;
  chartMerge: ChartMerge;
  visit: Visit;
  filedDocument: FiledDocument;
  category: Category;
  documentType: DocumentType;
  customField: CustomField;
  correspondent: Correspondent;
  tag: Tag;
  retentionRule: RetentionRule;
  legalHold: LegalHold;
  releaseRequest: ReleaseRequest;
  disclosure: Disclosure;
  releaseLetterhead: ReleaseLetterhead;
  filingSettings: FilingSettings;
  manual: Manual;
  policy: Policy;
  policyVersion: PolicyVersion;
  policyApproval: Approval;
  policyReview: Review;
  acknowledgmentCampaign: AcknowledgmentCampaign;
  acknowledgment: Acknowledgment;
};
export type PartitionDocument<P extends PartitionName> = KindDocuments[KindOf<P> &
  keyof KindDocuments];

// A kind without a document type, or a type for no kind, fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsHaveDocuments: Exact<KindName, keyof KindDocuments> = true;
void kindsHaveDocuments;

export const PARTITION_NAMES = Object.keys(PARTITIONS) as PartitionName[];

/** The partition's kinds and their rules. */
export function kindRules(partition: PartitionName): Readonly<Record<string, KindRule>> {
  return PARTITIONS[partition].kinds;
}

/**
 * Which kind a stored or pushed document of this partition is, by its `kind` field; undefined
 * when it names none the partition holds.
 */
export function kindOf(partition: PartitionName, doc: StoredDocument): KindName | undefined {
  const { kind } = doc;
  return typeof kind === 'string' && Object.hasOwn(PARTITIONS[partition].kinds, kind)
    ? (kind as KindName)
    : undefined;
}

/** The partition a kind lives in. */
export function partitionOf(kind: KindName): PartitionName {
  const found = PARTITION_NAMES.find((name) => kind in PARTITIONS[name].kinds);
  if (!found) throw new Error(`No partition holds the kind ${kind}`);
  return found;
}

/**
 * A document of a partition brought from schema version `from` to the current one by the
 * partition's own migrations: what the server runs over its store, the same steps RxDB runs on
 * each device.
 */
export function migrateDocument(
  partition: PartitionName,
  from: number,
  doc: Record<string, unknown>,
): Record<string, unknown> {
  const { version, migrations } = PARTITIONS[partition];
  const steps = migrations as Readonly<Record<number, DocumentMigration>>;
  let migrated = doc;
  for (let next = from + 1; next <= version; next++) {
    const step = steps[next];
    if (!step) throw new Error(`${partition} has no migration to version ${next}`);
    migrated = step(migrated);
  }
  return migrated;
}

/** The partition's record scope, when not every reader reads every record (ADR 15). */
export function recordScopeOf(partition: PartitionName): RecordScope | undefined {
  const declaration: PartitionDeclaration = PARTITIONS[partition];
  return declaration.recordScope;
}
