import type { RowErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import { Dexie, type EntityTable } from 'dexie';

/**
 * Local-only tables, kept out of RxDB (whose free build allows 13 collections per tab) and never
 * replicated. One database per user, like the RxDB database.
 */

/** A change the server refused for good; it stays on this device until someone fixes it. */
export type RefusedChange = {
  key: string;
  collection: string;
  id: string;
  code: RowErrorCode;
  message: string;
  at: string;
};

export type LocalDatabase = Dexie & {
  refusedChanges: EntityTable<RefusedChange, 'key'>;
};

export function openLocalDatabase(userId: string): LocalDatabase {
  const db = new Dexie(`clinicdesk-local-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`, {
    chromeTransactionDurability: 'strict',
  }) as LocalDatabase;
  db.version(1).stores({ refusedChanges: 'key, collection' });
  return db;
}
