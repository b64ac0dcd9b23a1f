import { CHART_MERGERS } from '../charts/chart-mergers.ts';
import type { KindRule, RecordScope, StoredDocument } from '../registry/partition.ts';
import { PARTITIONS, type KindName } from '../registry/partitions.ts';
import type { CollectionName } from '../sync/collections.ts';
import type { Role } from './roles.ts';

/**
 * THE permission table: who may read each sync partition, who may write each kind of record in
 * it (and in which states), and who may use each feature outside sync. The server enforces it
 * on every route, on pull, push and the live stream; the app uses the same table only to hide
 * what a role cannot do.
 *
 * Least privilege / HIPAA "minimum necessary" (45 CFR 164.502(b), 164.514(d)); the reasoning per
 * row is in docs/adr/0008-permission-table.md. Reading is per partition (ADR 15: a partition is
 * chosen by who may read it); writing is per kind, declared beside the kind in its domain's
 * partition file (e.g. shared/src/checkin/visits.partition.ts) and composed here from the
 * registry. Writing implies reading: a role listed under a kind's `write` must also read its
 * partition (checked by permissions.test.ts, which also holds the expectations per kind).
 */
export type CollectionAccess = {
  read: readonly Role[];
  kinds: Readonly<Record<string, KindRule>>;
  /** Where not every reader reads every record (ADR 15): filing's categories. */
  recordScope?: RecordScope;
};

export const COLLECTION_ACCESS: Readonly<Record<CollectionName, CollectionAccess>> = PARTITIONS;

/** Who may read and write one kind of record: its partition's readers, its own writers. */
export type KindAccess = KindRule & { read: readonly Role[] };

export const KIND_ACCESS = Object.fromEntries(
  Object.values(PARTITIONS).flatMap(({ read, kinds }) =>
    Object.entries(kinds).map(([kind, rule]) => [kind, { ...rule, read }]),
  ),
) as Readonly<Record<KindName, KindAccess>>;

/** Features that are not a partition: one entry each, same shape as a partition's `read`. */
export const FEATURE_ACCESS = {
  /** The Devices page: every device's sync health. */
  'devices.overview': ['office-manager', 'admin'],
  /** Naming devices ("Front desk tablet 2") and retiring old ones: who runs the devices. */
  'devices.manage': ['office-manager', 'admin'],
  /**
   * A device reporting its own sync health (unsynced changes, last sync). Every role's device
   * does, so that the Devices page sees every device; a session reports only for its own.
   */
  'devices.report': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  /**
   * The live stream ("pull now"). Every role's device listens; each event is filtered by the
   * collection's `read` roles, so a role hears only of records it may read.
   */
  'sync.stream': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  /**
   * Blocks of chart numbers (ADR 9): a number goes on a new registration, so only those who
   * register patients reserve them.
   */
  'charts.numbers': KIND_ACCESS.patient.write,
  /**
   * Uploading the views and prints a device recorded. They are of patient records, so only
   * those who read records have any; each event must also be of a collection the role reads.
   */
  'audit.upload': COLLECTION_ACCESS.patients.read,
  /** Staff accounts: create, change role, deactivate, reset a password, unlock. */
  'staff.manage': ['admin'],
  /**
   * Blobs (patient photos, card scans, filed documents' files) are read through the records
   * that refer to them (the blob route checks which, and their record scope); uploading is for
   * those who write a record that refers to one: who registers patients and who files papers.
   */
  'blobs.read': COLLECTION_ACCESS.patients.read,
  'blobs.write': [...new Set([...KIND_ACCESS.patient.write, ...KIND_ACCESS.filedDocument.write])],
  /** Reviewing likely duplicate charts and merging them (ADR 9). */
  'charts.merge': CHART_MERGERS,
  /** A patient's change history: who changed what, from the server's versions. */
  'charts.history': COLLECTION_ACCESS.patients.read,
  /**
   * The audit trail report and its CSV export. It names records by id and holds no patient
   * values, so the administrator (who reads no charts) may review it too: sign-ins, failed
   * sign-ins and account misuse are the security officer's to watch (45 CFR 164.308(a)(1)(ii)(D)).
   */
  'audit.report': ['office-manager', 'admin'],
  /**
   * The disposition review and destroying what is due under the retention schedule (issue
   * 12.7): the records custodian's, who answers for what the practice keeps and destroys.
   */
  'filing.disposition': ['office-manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Feature = keyof typeof FEATURE_ACCESS;

/** Roles that must use a second factor (TOTP) at sign-in. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['office-manager', 'admin'];

export function canRead(role: Role, collection: CollectionName): boolean {
  return (COLLECTION_ACCESS[collection].read as readonly Role[]).includes(role);
}

/** May this role write some kind of record of this partition? */
export function canWrite(role: Role, collection: CollectionName): boolean {
  return Object.values(COLLECTION_ACCESS[collection].kinds).some((rule) =>
    rule.write.includes(role),
  );
}

/** May this role write records of this kind (in some state)? */
export function canWriteKind(role: Role, kind: KindName): boolean {
  return KIND_ACCESS[kind].write.includes(role);
}

/**
 * May this role write a document of this partition in this state (stored or new)? Judged by the
 * rule of the document's kind; a kind the partition does not hold is never writable.
 */
export function canWriteState(
  role: Role,
  collection: CollectionName,
  doc: StoredDocument,
  table: Readonly<Record<CollectionName, CollectionAccess>> = COLLECTION_ACCESS,
): boolean {
  const rule = kindRuleIn(table[collection], doc);
  return (
    rule !== undefined && rule.write.includes(role) && (rule.writableState?.(role, doc) ?? true)
  );
}

/** The rule of the kind a document's `kind` names within a partition; none for another. */
export function kindRuleIn(access: CollectionAccess, doc: StoredDocument): KindRule | undefined {
  return typeof doc.kind === 'string' && Object.hasOwn(access.kinds, doc.kind)
    ? access.kinds[doc.kind]
    : undefined;
}

export function canUse(role: Role, feature: Feature): boolean {
  return (FEATURE_ACCESS[feature] as readonly Role[]).includes(role);
}

/** The collections a role may read: the only ones its devices keep. */
export function readableCollections(role: Role): CollectionName[] {
  return (Object.keys(COLLECTION_ACCESS) as CollectionName[]).filter((c) => canRead(role, c));
}
