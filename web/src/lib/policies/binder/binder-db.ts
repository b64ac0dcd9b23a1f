import { Dexie, type EntityTable } from 'dexie';

/**
 * The downtime binder's copy on this device: the in-force texts of the manuals the practice
 * marked readable signed out (emergency and downtime, exposure control), rendered, so that
 * anyone can read them at the sign-in screen with the network down. Each user's databases are
 * their own and unreadable before someone signs in, so this one is the device's: written by
 * whichever signed-in person's device last synced policies, read by nobody in particular.
 * It holds policy texts only — never patient data — and is local-only (never replicated).
 */

export type BinderVersion = {
  versionId: string;
  versionNumber: number;
  /** The notice's own label where it has one ("2026-01"). */
  versionLabel?: string;
  effectiveOn: string;
  html: string;
};

export type BinderPolicy = {
  policyId: string;
  number: string;
  title: string;
  legalReferences: string[];
  /**
   * The version in force when copied, and any published to take effect later, oldest first:
   * the binder shows the one in force on the day it is read, even days after the last sync.
   */
  versions: BinderVersion[];
};

export type BinderManual = {
  manualId: string;
  title: string;
  description?: string;
  order: number;
  policies: BinderPolicy[];
};

/** When the copy was last written, and from how many policies. */
export type BinderCopy = { key: 'copy'; writtenAt: string };

export type BinderDatabase = Dexie & {
  manuals: EntityTable<BinderManual, 'manualId'>;
  copies: EntityTable<BinderCopy, 'key'>;
};

export const BINDER_DATABASE_NAME = 'clinicdesk-downtime-binder';

export function openBinderDatabase(name = BINDER_DATABASE_NAME): BinderDatabase {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as BinderDatabase;
  db.version(1).stores({ manuals: 'manualId', copies: 'key' });
  return db;
}

/** Replaces the whole copy at once: a reader never sees half of an old and half of a new binder. */
export async function writeBinder(
  db: BinderDatabase,
  manuals: readonly BinderManual[],
  writtenAt: string,
): Promise<void> {
  await db.transaction('rw', [db.manuals, db.copies], async () => {
    await db.manuals.clear();
    await db.manuals.bulkPut([...manuals]);
    await db.copies.put({ key: 'copy', writtenAt });
  });
}

export type StoredBinder = { manuals: BinderManual[]; writtenAt: string | null };

export async function readBinder(db: BinderDatabase): Promise<StoredBinder> {
  return db.transaction('r', [db.manuals, db.copies], async () => {
    const [manuals, copy] = await Promise.all([db.manuals.toArray(), db.copies.get('copy')]);
    return {
      manuals: manuals.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
      writtenAt: copy?.writtenAt ?? null,
    };
  });
}

/** The version of a copied policy in force on `day`: the latest copied that took effect by then. */
export function binderVersionOn(policy: BinderPolicy, day: string): BinderVersion | undefined {
  let found: BinderVersion | undefined;
  for (const version of policy.versions)
    if (version.effectiveOn <= day && (!found || version.versionNumber > found.versionNumber))
      found = version;
  return found;
}
