import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILING_SETTINGS_ID } from '@clinicdesk/shared/filing/settings/filing-settings.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { TRASH_EMPTIER } from '../jobs/empty-trash.job.ts';
import { createInProcessChangeBus } from '../services/change-bus.ts';
import { createDispositionService } from '../services/disposition.service.ts';
import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import { openPostgresBlobStorage } from '../storage/blobs/postgres-blob-storage.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { createTestSchema, describePostgres } from '../storage/postgres/postgres-test-database.ts';
import type { Store } from '../storage/store.ts';
import {
  addStaff,
  changed,
  created,
  createTempDir,
  createTestServer,
  device,
  patient,
  signIn,
  TEST_START,
  type TestServer,
} from '../test-support.ts';

/**
 * Issue 12.7 (ADR 19): retention, legal holds and destruction, on SQLite and on PostgreSQL. A
 * document past its retention is destroyed everywhere — its versions, its file, what devices
 * hold — leaving a `destroy` entry on the audit chain; a legal hold blocks both the trash and
 * destruction; the trash empties itself after its period, never what is held.
 */
type Opened = { store?: Store; blobs: BlobStorage; cleanup: () => Promise<void> };

describeDisposition('SQLite', async () => {
  const dir = await createTempDir();
  return { blobs: await openFsBlobStorage(dir.path), cleanup: dir.remove };
});

describePostgres('disposition on PostgreSQL', () => {
  describeDisposition('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 2 });
    const blobs = await openPostgresBlobStorage(schema.url, { clock: () => TEST_START });
    return { store, blobs, cleanup: schema.drop };
  });
});

const ID = (n: number) => `0195a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-03-02T09:00:00.000Z';
const DAY = 24 * 60 * 60_000;
const pdf = (n: number) => new TextEncoder().encode(`%PDF-1.7\n% synthetic scan ${n}\n`);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function describeDisposition(name: string, open: () => Promise<Opened>) {
  describe(`retention, holds and destruction (${name})`, () => {
    let server: TestServer;
    let cleanup: () => Promise<void>;
    let manager: ReturnType<typeof device>;
    let stamp: { at: string; by: Record<string, string> };
    let blobs: BlobStorage;
    const patientDoc = patient(1, { dateOfBirth: '1970-05-01' });

    beforeEach(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      blobs = opened.blobs;
      server = await createTestServer({ blobs, ...(opened.store ? { store: opened.store } : {}) });
      const om = await addStaff(server, 'olive', 'office-manager');
      manager = device(server, await signIn(server, 'olive'));
      stamp = { at: AT, by: { userId: om.id, name: om.displayName, deviceId: manager.deviceId } };
      expect(await (await manager.push('patients', [created(patientDoc)])).json()).toMatchObject({ rejected: [] }); // prettier-ignore
      await manager.push('filing', [
        created({ id: ID(1), kind: 'category', _deleted: false, name: 'Outside records', createdAt: AT, updatedAt: AT }), // prettier-ignore
        created({ id: ID(2), kind: 'retentionRule', _deleted: false, name: 'Outside records, 5 years', categoryId: ID(1), basis: 'document-date', years: 5, createdAt: AT, updatedAt: AT }), // prettier-ignore
      ]);
    });
    afterEach(async () => {
      await server.close();
      await cleanup();
    });

    async function file(n: number, fields: Record<string, unknown> = {}): Promise<WireDocument> {
      const bytes = pdf(n);
      const put = await server.request(`/api/blobs/${sha(bytes)}`, {
        method: 'PUT',
        headers: { ...manager.headers, 'content-type': 'application/pdf' },
        body: bytes,
      });
      expect(put.status).toBe(201);
      const doc: WireDocument = {
        id: ID(n),
        kind: 'filedDocument',
        _deleted: false,
        title: `Hospital records ${n}`,
        source: 'upload',
        patientId: patientDoc.id,
        categoryId: ID(1),
        documentDate: '2019-01-15',
        captured: stamp,
        filed: stamp,
        versions: {
          [ID(n + 100)]: {
            file: { sha256: sha(bytes), type: 'application/pdf', size: bytes.length },
            pageCount: 1,
            added: stamp,
          },
        },
        createdAt: AT,
        updatedAt: AT,
        editedBy: stamp.by,
        ...fields, // prettier-ignore
      };
      expect(await (await manager.push('filing', [created(doc)])).json()).toMatchObject({ rejected: [] }); // prettier-ignore
      return doc;
    }
    const queue = async () =>
      (await (await server.request('/api/filing/disposition', { headers: manager.headers })).json()) as Record<string, { id: string }[]>; // prettier-ignore
    const destroy = (id: string) =>
      server.request(`/api/filing/documents/${id}/destroy`, { method: 'POST', headers: manager.headers }); // prettier-ignore

    it('destroys a document past its retention everywhere, leaving its disposition on the audit chain', async () => {
      const doc = await file(10);
      const current = await file(11, { documentDate: '2025-06-01' });
      expect((await queue()).due?.map((entry) => entry.id)).toEqual([doc.id]);
      expect((await destroy(current.id)).status).toBe(409);

      const answer = await destroy(doc.id);
      expect(answer.status).toBe(200);
      // Devices are sent a tombstone that says it was destroyed, and nothing of it.
      const pulled = ((await (await manager.pull('filing', '?since=0&limit=100')).json()) as { documents: WireDocument[] }).documents; // prettier-ignore
      const tombstone = pulled.find((d) => d.id === doc.id);
      expect(tombstone).toEqual({ id: doc.id, kind: 'filedDocument', _deleted: true, destroyed: true, createdAt: AT, updatedAt: server.clock.now().toISOString() }); // prettier-ignore
      // Its versions are gone from the server, and its file with them.
      expect(await server.store.charts.documentHistory('filing', doc.id)).toEqual([]);
      expect(await blobs.has(sha(pdf(10)))).toBeNull();
      expect(await blobs.has(sha(pdf(11)))).not.toBeNull();
      // The audit chain keeps who destroyed what, under which rule, and the file's hash.
      const chain = await server.store.readAuditChain(0, 1000);
      const entry = chain.find((e) => e.action === 'destroy');
      expect(entry).toMatchObject({ recordId: doc.id, collection: 'filing' });
      expect(entry?.detail).toContain(ID(2));
      expect(entry?.detail).toContain(sha(pdf(10)));
      // A device that still held it cannot bring it back.
      const revived = await manager.push('filing', [changed(doc, { ...doc, title: 'Revived' })]);
      expect(((await revived.json()) as { rejected: { id: string }[] }).rejected.map((r) => r.id)).toEqual([doc.id]); // prettier-ignore
      expect((await destroy(doc.id)).status).toBe(404);
    });

    it('blocks the trash and destruction while a legal hold stands, and lets them once released', async () => {
      const doc = await file(10);
      const hold = { id: ID(50), kind: 'legalHold', _deleted: false, patientId: patientDoc.id, reason: 'Records request in a synthetic claim', placed: stamp, createdAt: AT, updatedAt: AT }; // prettier-ignore
      await manager.push('filing', [created(hold)]);
      expect((await queue()).held?.map((entry) => entry.id)).toEqual([doc.id]);
      const refused = await destroy(doc.id);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ error: { code: 'legal-hold' } });
      const trashed = { ...doc, trashed: stamp, updatedAt: '2026-03-02T09:30:00.000Z' };
      const push = await manager.push('filing', [changed(doc, trashed)]);
      expect(((await push.json()) as { rejected: { message: string }[] }).rejected[0]?.message).toMatch(/legal hold/); // prettier-ignore

      await manager.push('filing', [changed(hold, { ...hold, released: stamp, updatedAt: '2026-03-02T10:00:00.000Z' })]); // prettier-ignore
      expect((await destroy(doc.id)).status).toBe(200);
    });

    it('empties the trash after its period, never what a hold keeps', async () => {
      const kept = await file(10, { documentDate: '2025-06-01' });
      const held = await file(11, { documentDate: '2025-06-01', patientId: undefined });
      await manager.push('filing', [
        changed(kept, { ...kept, trashed: stamp, updatedAt: '2026-03-02T09:30:00.000Z' }),
        changed(held, { ...held, trashed: stamp, updatedAt: '2026-03-02T09:30:00.000Z' }),
        created({ id: ID(51), kind: 'legalHold', _deleted: false, documentId: held.id, reason: 'Synthetic audit', placed: stamp, createdAt: AT, updatedAt: AT }), // prettier-ignore
      ]);
      const bus = createInProcessChangeBus(() => undefined);
      const disposition = createDispositionService({ store: server.store, bus, clock: server.clock.now, blobs }); // prettier-ignore
      expect(await disposition.emptyTrash(TRASH_EMPTIER)).toBe(0);
      server.clock.advance(31 * DAY);
      expect(await disposition.emptyTrash(TRASH_EMPTIER)).toBe(1);
      // (A month on, the session has long expired: read the store itself.)
      const left = (await server.store.pull('filing', 0, 100)).documents;
      expect(left.find((d) => d.id === kept.id)).toMatchObject({ destroyed: true });
      expect(left.find((d) => d.id === held.id)).toMatchObject({ title: held.title });
    });

    it("empties the trash after the practice's own period, from its filing settings", async () => {
      const settings = { id: FILING_SETTINGS_ID, kind: 'filingSettings', _deleted: false, offlineBudgetMb: 500, recentDocumentDays: 365, trashDays: 7, createdAt: AT, updatedAt: AT }; // prettier-ignore
      // A period outside the limits is refused and stores nothing; the valid one is kept.
      const refused = await manager.push('filing', [created({ ...settings, trashDays: 0 })]);
      expect(((await refused.json()) as { rejected: { id: string }[] }).rejected.map((r) => r.id)).toEqual([FILING_SETTINGS_ID]); // prettier-ignore
      expect(await (await manager.push('filing', [created(settings)])).json()).toMatchObject({ rejected: [] }); // prettier-ignore
      const doc = await file(12, { documentDate: '2025-06-01' });
      await manager.push('filing', [changed(doc, { ...doc, trashed: stamp, updatedAt: '2026-03-02T09:30:00.000Z' })]); // prettier-ignore
      const bus = createInProcessChangeBus(() => undefined);
      const disposition = createDispositionService({ store: server.store, bus, clock: server.clock.now, blobs }); // prettier-ignore
      server.clock.advance(6 * DAY);
      expect(await disposition.emptyTrash(TRASH_EMPTIER)).toBe(0);
      server.clock.advance(2 * DAY);
      expect(await disposition.emptyTrash(TRASH_EMPTIER)).toBe(1);
      const entry = (await server.store.readAuditChain(0, 1000)).find(
        (e) => e.action === 'destroy',
      );
      expect(entry).toMatchObject({ recordId: doc.id });
      expect(entry?.detail).toContain('emptied from the trash after 7 days');
    });
  });
}
