import type { CollectionName } from '../sync/collections.ts';
import type { Role } from './roles.ts';

/**
 * THE permission table: who may read and who may write each replicated collection, and who may
 * use each feature outside sync. The server enforces it on every route, on pull, push and the
 * live stream; the app uses the same table only to hide what a role cannot do.
 *
 * Least privilege / HIPAA "minimum necessary" (45 CFR 164.502(b), 164.514(d)); the reasoning per
 * row is in docs/adr/0008-permission-table.md. Writing implies reading: a role listed under
 * `write` must also be listed under `read` (checked by permissions.test.ts).
 *
 * To add a collection: one entry here (the type makes it required once the collection is in
 * REPLICATED_COLLECTIONS), then extend the expectations in permissions.test.ts.
 */
/** Who reviews likely duplicate charts and merges them (ADR 9). */
const CHART_MERGERS = ['office-manager'] as const satisfies readonly Role[];

export const COLLECTION_ACCESS = {
  // Demographics: the front desk registers and corrects them; the office manager oversees and
  // settles conflicts; billing and clinicians need to identify the patient but not change the
  // chart's identity; the IT administrator manages accounts and needs no patient data at all.
  patients: {
    read: ['front-desk', 'billing', 'clinician', 'office-manager'],
    write: ['front-desk', 'office-manager'],
    // A merged-away chart is frozen: only those who merge charts may write it (or merge one
    // away), so an edit meant for the merged chart is refused visibly instead of vanishing.
    writableState: (role: Role, doc: Readonly<Record<string, unknown>>) =>
      doc.mergedInto === undefined || (CHART_MERGERS as readonly Role[]).includes(role),
  },
  // Merge records: whoever reads charts can trace a merge; only those who merge write them.
  chartMerges: {
    read: ['front-desk', 'billing', 'clinician', 'office-manager'],
    write: ['office-manager'],
  },
  // Today's arrivals (who is at the clinic, when): the front desk checks patients in and out;
  // clinical staff (medical assistants) room them and see who waits; billing reads visits for
  // charge capture; the office manager oversees the desk. No patient data for the administrator.
  visits: {
    read: ['front-desk', 'billing', 'clinician', 'office-manager'],
    write: ['front-desk', 'clinician', 'office-manager'],
  },
} as const satisfies Record<CollectionName, CollectionAccess>;

/** Features that are not a collection: one entry each, same shape as a collection's `read`. */
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
  'charts.numbers': COLLECTION_ACCESS.patients.write,
  /**
   * Uploading the views and prints a device recorded. They are of patient records, so only
   * those who read records have any; each event must also be of a collection the role reads.
   */
  'audit.upload': COLLECTION_ACCESS.patients.read,
  /** Staff accounts: create, change role, deactivate, reset a password, unlock. */
  'users.manage': ['admin'],
  /** Uploaded files (patient photos, card scans) belong to patient records: the same roles. */
  'files.read': COLLECTION_ACCESS.patients.read,
  'files.write': COLLECTION_ACCESS.patients.write,
  /** Reviewing likely duplicate charts and merging them (ADR 9). */
  'charts.merge': CHART_MERGERS,
  /** A patient's change history: who changed what, from the server's versions. */
  'patients.history': COLLECTION_ACCESS.patients.read,
  /**
   * The audit trail report and its CSV export. It names records by id and holds no patient
   * values, so the administrator (who reads no charts) may review it too: sign-ins, failed
   * sign-ins and account misuse are the security officer's to watch (45 CFR 164.308(a)(1)(ii)(D)).
   */
  'audit.report': ['office-manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type CollectionAccess = {
  read: readonly Role[];
  write: readonly Role[];
  /**
   * Optional row rule on top of `write`: may this role write a document in this state? A push is
   * judged on the stored state AND the new state, so a rule here also stops a role moving a
   * document into or out of a state it may not touch.
   */
  writableState?: (role: Role, doc: Readonly<Record<string, unknown>>) => boolean;
};
export type Feature = keyof typeof FEATURE_ACCESS;

/** Roles that must use a second factor (TOTP) at sign-in. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['office-manager', 'admin'];

export function canRead(role: Role, collection: CollectionName): boolean {
  return (COLLECTION_ACCESS[collection].read as readonly Role[]).includes(role);
}

export function canWrite(role: Role, collection: CollectionName): boolean {
  return (COLLECTION_ACCESS[collection].write as readonly Role[]).includes(role);
}

/** May this role write a document of this collection in this state (stored or new)? */
export function canWriteState(
  role: Role,
  collection: CollectionName,
  doc: Readonly<Record<string, unknown>>,
  table: Record<CollectionName, CollectionAccess> = COLLECTION_ACCESS,
): boolean {
  const access = table[collection];
  return access.write.includes(role) && (access.writableState?.(role, doc) ?? true);
}

export function canUse(role: Role, feature: Feature): boolean {
  return (FEATURE_ACCESS[feature] as readonly Role[]).includes(role);
}

/** The collections a role may read: the only ones its devices keep. */
export function readableCollections(role: Role): CollectionName[] {
  return (Object.keys(COLLECTION_ACCESS) as CollectionName[]).filter((c) => canRead(role, c));
}
