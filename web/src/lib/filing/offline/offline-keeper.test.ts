import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import type { OfflinePlan } from '@clinicdesk/shared/filing/offline/offline-plan.ts';
import { FILING_SETTINGS_ID } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { NEVER } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { today } from '../../clock.ts';
import { type ClinicDatabase, openClinicDatabase } from '../../db/database.ts';
import { keptDocumentsOf } from '../../db/kept-documents.ts';
import { type LocalDatabase, openLocalDatabase } from '../../db/local-db.ts';
import { keepOnDevice } from './offline.actions.ts';
import { type OfflineKeeper, startOfflineKeeper } from './offline-keeper.ts';

const DEVICE = '019abc00-0000-7000-8000-00000000000a';
const editor = { userId: 'u1', name: 'Ana', deviceId: DEVICE };
const MB = 1_000_000;
const id = (n: number) => `019d4000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const TODAYS_PATIENT = id(1);
const OTHER_PATIENT = id(2);
const AT = '2026-03-01T10:00:00.000Z';

let local: LocalDatabase;
let db: ClinicDatabase;
let keeper: OfflineKeeper | undefined;
let n = 0;
beforeEach(async () => {
  local = openLocalDatabase(`keepertest${n}`);
  db = await openClinicDatabase('u1', editor, { storage: getRxStorageDexie(), name: `keepertest${n++}`, multiInstance: false }); // prettier-ignore
});
afterEach(async () => {
  keeper?.close();
  vi.unstubAllGlobals();
  await db.remove();
  await keptDocumentsOf(local).delete();
  await local.delete();
});

/** A PDF-looking file, different for every seed; its reference claims `mb` megabytes. */
function pdf(seed: number, mb: number): { bytes: Uint8Array<ArrayBuffer>; ref: BlobRef } {
  const bytes = new TextEncoder().encode(`%PDF-1.7\n% synthetic scan ${seed}\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, ref: { sha256, type: 'application/pdf', size: mb * MB } };
}

/** The server: answers each file it holds with its bytes, counting the downloads. */
function serverHolding(files: { bytes: Uint8Array<ArrayBuffer>; ref: BlobRef }[]) {
  const fetch = vi.fn((url: string | URL | Request) => {
    const file = files.find((f) => String(url).endsWith(f.ref.sha256));
    return Promise.resolve(
      file ? new Response(file.bytes, { status: 200 }) : new Response(null, { status: 404 }),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const filed = (n: number, file: BlobRef, patientId?: string) => ({
  id: id(n),
  kind: 'filedDocument',
  title: `Synthetic document ${n}`,
  documentDate: today(),
  ...(patientId && { patientId }),
  source: 'upload',
  versions: { [id(n + 100)]: { file, pageCount: 1, added: { at: AT, by: editor } } },
  captured: { at: AT, by: editor },
  filed: { at: AT, by: editor },
  createdAt: AT,
  updatedAt: AT,
});

const onDevice = async () => (await local.blobs.toCollection().primaryKeys()).sort();

describe('the keeper of files for an outage', () => {
  it('fetches pinned and today’s files, evicts the least recently used, never an unsynced or pinned one', async () => {
    const pinned = pdf(1, 10);
    const todays = pdf(2, 20);
    const oldReading = pdf(3, 30);
    const unsent = pdf(4, 10);
    const elsewhere = pdf(5, 5);
    const fetch = serverHolding([pinned, todays, elsewhere]);
    // Here already: a document opened weeks ago, and a scan taken here not uploaded yet.
    await local.blobs.put({ ...oldReading.ref, data: new Blob([oldReading.bytes]), cachedAt: '2026-01-05T09:00:00.000Z' }); // prettier-ignore
    await local.blobs.put({ ...unsent.ref, data: new Blob([unsent.bytes]), cachedAt: AT });
    await local.uploads.put({ sha256: unsent.ref.sha256, attempts: 0, nextTryAt: 0, lastError: null, failed: false }); // prettier-ignore
    await db.filing.bulkInsert([
      { id: FILING_SETTINGS_ID, kind: 'filingSettings', offlineBudgetMb: 50, recentDocumentDays: 30, trashDays: 30, createdAt: AT, updatedAt: AT }, // prettier-ignore
      filed(10, pinned.ref),
      filed(11, todays.ref, TODAYS_PATIENT),
      filed(12, oldReading.ref),
      filed(13, unsent.ref),
      filed(14, elsewhere.ref, OTHER_PATIENT),
    ] as never[]);
    await keepOnDevice({ local }, id(10));

    keeper = startOfflineKeeper({ db, local, deviceId: DEVICE, online: () => true, reconnected: NEVER, settleMs: 50 }); // prettier-ignore
    // Pinned: fetched at start. 10 + 10 unsynced + 30 read earlier = 50 MB: all fit.
    await expect.poll(onDevice).toEqual([pinned, oldReading, unsent].map((f) => f.ref.sha256).sort()); // prettier-ignore

    // The patient checks in: their document comes, and the oldest reading makes room for it.
    const day = today();
    await db.visits.insert({ id: `v-${day}-1-${TODAYS_PATIENT}`, kind: 'visit', patientId: TODAYS_PATIENT, day, visitType: 'walk-in', arrived: { at: AT, by: editor }, createdAt: AT, updatedAt: AT } as never); // prettier-ignore
    await expect.poll(onDevice).toEqual([pinned, todays, unsent].map((f) => f.ref.sha256).sort());
    // A patient not expected today: their document stays on the server.
    const asked = fetch.mock.calls.map(([url]) => String(url));
    expect(asked.some((url) => url.endsWith(elsewhere.ref.sha256))).toBe(false);
  });

  it('offline, fetches nothing and evicts nothing for what it cannot fetch', async () => {
    const pinned = pdf(1, 40);
    const here = pdf(3, 30);
    const fetch = serverHolding([pinned]);
    await local.blobs.put({ ...here.ref, data: new Blob([here.bytes]), cachedAt: AT });
    await db.filing.bulkInsert([
      { id: FILING_SETTINGS_ID, kind: 'filingSettings', offlineBudgetMb: 50, recentDocumentDays: 30, trashDays: 30, createdAt: AT, updatedAt: AT }, // prettier-ignore
      filed(10, pinned.ref),
      filed(12, here.ref),
    ] as never[]);
    await keepOnDevice({ local }, id(10));
    let online = false;
    const plans: OfflinePlan[] = [];
    keeper = startOfflineKeeper({ db, local, deviceId: DEVICE, online: () => online, reconnected: NEVER, settleMs: 50, onPlan: (plan) => plans.push(plan) }); // prettier-ignore
    await expect.poll(() => plans.length).toBeGreaterThan(0);
    // The pinned file is named as missing; the one here stays (it fits without the other).
    expect(plans[0]?.missing.map((f) => f.sha256)).toEqual([pinned.ref.sha256]);
    expect(plans[0]?.evict).toEqual([]);
    expect(await onDevice()).toEqual([here.ref.sha256]);
    expect(fetch).not.toHaveBeenCalled();

    // Back online (the next change runs it): the pinned file comes, the other makes room.
    online = true;
    await db.filing.upsert({ id: FILING_SETTINGS_ID, kind: 'filingSettings', offlineBudgetMb: 50, recentDocumentDays: 30, trashDays: 30, createdAt: AT, updatedAt: AT } as never); // prettier-ignore
    await expect.poll(onDevice).toEqual([pinned.ref.sha256]);
  });
});
