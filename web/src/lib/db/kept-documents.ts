import { Dexie, type EntityTable } from 'dexie';

/**
 * A document someone chose to keep on this device ("Keep on this device"): its latest file is
 * fetched and never evicted (issue 12.9, ADR 20).
 */
export type KeptDocument = { documentId: string; pinnedAt: string };

export type KeptDocumentsDatabase = Dexie & {
  keptDocuments: EntityTable<KeptDocument, 'documentId'>;
};

/** The kept documents' database beside a person's local database. */
export function keptDocumentsName(localName: string): string {
  return `${localName}-kept`;
}

const opened = new Map<string, KeptDocumentsDatabase>();

/**
 * The documents pinned on this device by the person whose local database this is, in a small
 * database of their own beside it (`<its name>-kept`), which follows it: cleared with filing
 * access on a purge (`purgeLocalData`) and deleted with it when the account leaves the device.
 * Pins are a person's on a device (ADR 20): never synced, they survive reloads and restarts.
 */
export function keptDocumentsOf(local: Pick<Dexie, 'name'>): KeptDocumentsDatabase {
  const name = keptDocumentsName(local.name);
  const known = opened.get(name);
  // One connection per database, made again once closed (deleted with its account, say).
  if (known && !known.hasBeenClosed()) return known;
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as KeptDocumentsDatabase;
  db.version(1).stores({ keptDocuments: 'documentId' });
  opened.set(name, db);
  return db;
}
