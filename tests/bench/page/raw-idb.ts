import { foldName } from '@clinicdesk/shared/patients/search-patients.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

/** The baselines: IndexedDB used directly, with no library in between. */

export function openRawDatabase(
  name: string,
  setUp: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => setUp(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
  });
}

export function deleteRawDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** Writes documents in one strict-durability transaction (resolves once they are on disk). */
export async function putStrict(
  db: IDBDatabase,
  store: string,
  docs: readonly unknown[],
): Promise<void> {
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  const objects = tx.objectStore(store);
  for (const doc of docs) objects.put(doc);
  await done(tx);
}

/** A store of names with an index on the folded family name, for prefix lookups. */
export type NameRow = { id: string; family: string; givenName: string; familyName: string };

export async function openNameIndex(
  name: string,
  patients: readonly WireDocument[],
): Promise<IDBDatabase> {
  await deleteRawDatabase(name);
  const db = await openRawDatabase(name, (setUp) => {
    setUp.createObjectStore('names', { keyPath: 'id' }).createIndex('family', 'family');
  });
  const rows: NameRow[] = patients.map((p) => ({
    id: p.id,
    family: foldName(String(p.familyName)),
    givenName: String(p.givenName),
    familyName: String(p.familyName),
  }));
  for (let i = 0; i < rows.length; i += 10_000)
    await putStrict(db, 'names', rows.slice(i, i + 10_000));
  return db;
}

/** The raw lookup: names whose folded family name starts with the typed text, first `limit`. */
export function prefixLookup(db: IDBDatabase, text: string, limit: number): Promise<NameRow[]> {
  const prefix = foldName(text.trim());
  return new Promise((resolve, reject) => {
    const request = db
      .transaction('names', 'readonly')
      .objectStore('names')
      .index('family')
      .getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`), limit);
    request.onsuccess = () => resolve(request.result as NameRow[]);
    request.onerror = () => reject(request.error ?? new Error('lookup failed'));
  });
}
