import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { openFsBlobStorage } from '../storage/blobs/fs-blob-storage.ts';
import { openPostgresBlobStorage } from '../storage/blobs/postgres-blob-storage.ts';
import { openPostgresStore } from '../storage/postgres/postgres-store.ts';
import { createTestSchema, describePostgres } from '../storage/postgres/postgres-test-database.ts';
import type { BlobStorage } from '../storage/blobs/blob-storage.ts';
import type { Store } from '../storage/store.ts';
import {
  addStaff,
  changed,
  created,
  createTempDir,
  createTestServer,
  device,
  signIn,
  TEST_START,
  type TestServer,
} from '../test-support.ts';

/**
 * Issue 12.6 (and 11.3's record scopes): a document filed in a restricted category never reaches
 * a device whose user's role may not read it — not by pull, not its file — and leaves a device
 * that held it when the category is restricted later. On SQLite and on PostgreSQL.
 */
type Opened = { store?: Store; blobs: BlobStorage; cleanup: () => Promise<void> };

describeFilingAccess('SQLite', async () => {
  const dir = await createTempDir();
  return { blobs: await openFsBlobStorage(dir.path), cleanup: dir.remove };
});

describePostgres('filing access on PostgreSQL', () => {
  describeFilingAccess('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = await openPostgresStore(schema.url, { now: TEST_START, maxConnections: 2 });
    const blobs = await openPostgresBlobStorage(schema.url, { clock: () => TEST_START });
    return { store, blobs, cleanup: schema.drop };
  });
});

const ID = (n: number) => `0195a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-03-02T09:00:00.000Z';
const PDF = new TextEncoder().encode('%PDF-1.7\n% a synthetic scan\n');
const PDF_SHA = createHash('sha256').update(PDF).digest('hex');

function describeFilingAccess(name: string, open: () => Promise<Opened>) {
  describe(`filing by category (${name})`, () => {
    let server: TestServer;
    let cleanup: () => Promise<void>;
    let manager: ReturnType<typeof device>;
    let billing: ReturnType<typeof device>;
    let desk: ReturnType<typeof device>;
    let deskUserId: string;
    let managerStamp: Record<string, string>;

    beforeEach(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      server = await createTestServer({
        blobs: opened.blobs,
        ...(opened.store ? { store: opened.store } : {}),
      });
      const om = await addStaff(server, 'olive', 'office-manager');
      await addStaff(server, 'bill', 'billing');
      deskUserId = (await addStaff(server, 'rosa', 'front-desk')).id;
      manager = device(server, await signIn(server, 'olive'));
      billing = device(server, await signIn(server, 'bill'));
      desk = device(server, await signIn(server, 'rosa'));
      managerStamp = { userId: om.id, name: om.displayName, deviceId: manager.deviceId };
    });
    afterEach(async () => {
      await server.close();
      await cleanup();
    });

    const category = (n: number, name: string, readRoles?: string[]): WireDocument => ({
      id: ID(n),
      kind: 'category',
      _deleted: false,
      name,
      createdAt: AT,
      updatedAt: AT,
      ...(readRoles ? { readRoles } : {}), // prettier-ignore
    });
    const filed = (n: number, categoryId: string, title: string): WireDocument => {
      const stamp = { at: AT, by: managerStamp };
      return {
        id: ID(n),
        kind: 'filedDocument',
        _deleted: false,
        title,
        categoryId,
        source: 'upload',
        versions: {
          [ID(n + 500)]: {
            file: { sha256: PDF_SHA, type: 'application/pdf', size: PDF.length },
            pageCount: 1,
            added: stamp,
          },
        },
        captured: stamp,
        filed: stamp,
        createdAt: AT,
        updatedAt: AT,
        editedBy: managerStamp, // prettier-ignore
      };
    };
    const pulled = async (who: ReturnType<typeof device>) =>
      ((await (await who.pull('filing', '?since=0&limit=100')).json()) as { documents: WireDocument[] }).documents; // prettier-ignore
    const readFile = (who: ReturnType<typeof device>) =>
      server.request(`/api/blobs/${PDF_SHA}`, { headers: who.headers });

    async function fileRestrictedAndOpen() {
      const put = await server.request(`/api/blobs/${PDF_SHA}`, {
        method: 'PUT',
        headers: { ...manager.headers, 'content-type': 'application/pdf' },
        body: PDF,
      });
      expect(put.status).toBe(201);
      const personnel = category(1, 'Personnel files', ['office-manager']);
      const insurance = category(2, 'Insurance');
      const pushed = await manager.push('filing', [
        created(personnel),
        created(insurance),
        created(filed(10, personnel.id, 'Performance review — synthetic')),
        created(filed(11, insurance.id, 'Insurance card — synthetic')),
      ]);
      expect(await pushed.json()).toMatchObject({ conflicts: [], rejected: [] });
      return { personnel, insurance };
    }

    it('never sends a restricted document to billing, and refuses its file; the office manager has both', async () => {
      await fileRestrictedAndOpen();
      const forBilling = await pulled(billing);
      const review = forBilling.find((doc) => doc.id === ID(10));
      // Withdrawn in its place: the id and kind, deleted, nothing of its content.
      expect(review).toEqual({ id: ID(10), kind: 'filedDocument', _deleted: true, createdAt: AT, updatedAt: AT }); // prettier-ignore
      expect(JSON.stringify(forBilling)).not.toContain('Performance review');
      expect(forBilling.find((doc) => doc.id === ID(11))).toMatchObject({ title: 'Insurance card — synthetic' }); // prettier-ignore
      // The same file is referred to by the open document too: billing may read it through that.
      expect((await readFile(billing)).status).toBe(200);

      const forManager = await pulled(manager);
      expect(forManager.find((doc) => doc.id === ID(10))).toMatchObject({ title: 'Performance review — synthetic' }); // prettier-ignore
      expect((await readFile(manager)).status).toBe(200);
    });

    it('answers 403 for a file only restricted documents refer to', async () => {
      const { insurance } = await fileRestrictedAndOpen();
      // The open document is moved into the restricted category: no open record refers to the file.
      const open = filed(11, insurance.id, 'Insurance card — synthetic');
      const moved = { ...open, categoryId: ID(1), updatedAt: '2026-03-02T09:05:00.000Z' };
      const answer = await manager.push('filing', [changed(open, moved)]);
      expect(await answer.json()).toMatchObject({ conflicts: [], rejected: [] });
      expect((await readFile(billing)).status).toBe(403);
      expect((await readFile(manager)).status).toBe(200);
    });

    it('refuses billing’s push to a restricted document, and tells it nothing of it', async () => {
      await fileRestrictedAndOpen();
      const forged = { ...filed(10, ID(1), 'Renamed'), editedBy: undefined };
      const answer = (await (await billing.push('filing', [created(forged)])).json()) as {
        conflicts: unknown[];
        rejected: { id: string; code: string }[];
      };
      expect(answer.conflicts).toEqual([]);
      expect(answer.rejected).toEqual([expect.objectContaining({ id: ID(10), code: 'forbidden' })]);
    });

    it('takes back, unrefused and unwritten, what a device pushes exactly as it was sent: a withdrawal, a record it may not change', async () => {
      // RxDB's upstream may push records pulled while it started, as if they were the device's own.
      await fileRestrictedAndOpen();
      const forBilling = await pulled(billing);
      const withdrawn = forBilling.find((doc) => doc.id === ID(10));
      const category = forBilling.find((doc) => doc.id === ID(2));
      if (!withdrawn || !category) throw new Error('billing was not sent both');
      const answer = (await (await billing.push('filing', [created(withdrawn), created(category)])).json()) as {
        conflicts: unknown[];
        rejected: unknown[];
        stored?: { id: string }[];
      }; // prettier-ignore
      expect(answer).toMatchObject({ conflicts: [], rejected: [] });
      expect(answer.stored?.map((row) => row.id).sort()).toEqual([ID(2), ID(10)]);
      // Nothing was written: the office manager still has the document, and no new seq exists.
      const forManager = await pulled(manager);
      expect(forManager.find((doc) => doc.id === ID(10))).toMatchObject({ title: 'Performance review — synthetic', _deleted: false }); // prettier-ignore
      expect(await pulled(manager)).toHaveLength(4);
      // A category billing changes is still refused: only the office manager writes them.
      const renamed = { ...category, name: 'Renamed', updatedAt: '2026-03-02T09:30:00.000Z' };
      const changedByBilling = (await (await billing.push('filing', [changed(category, renamed)])).json()) as {
        rejected: { id: string; code: string }[];
      }; // prettier-ignore
      expect(changedByBilling.rejected).toEqual([expect.objectContaining({ id: ID(2), code: 'forbidden' })]); // prettier-ignore
    });

    it('withdraws documents from devices when their category is restricted later, and sends them back when it is opened', async () => {
      const { insurance } = await fileRestrictedAndOpen();
      const before = await billing.pull('filing', '?since=0&limit=100');
      const { checkpoint } = (await before.json()) as { checkpoint: { seq: number } };
      const restricted = { ...insurance, readRoles: ['office-manager'], updatedAt: '2026-03-02T09:10:00.000Z' }; // prettier-ignore
      expect(await (await manager.push('filing', [changed(insurance, restricted)])).json()).toMatchObject({ rejected: [] }); // prettier-ignore

      const since = `?since=${checkpoint.seq}&limit=100`;
      const after = ((await (await billing.pull('filing', since)).json()) as { documents: WireDocument[] }).documents; // prettier-ignore
      expect(after.find((doc) => doc.id === ID(11))).toMatchObject({ _deleted: true });
      expect(JSON.stringify(after)).not.toContain('Insurance card');
      expect((await readFile(billing)).status).toBe(403);

      const reopened = { ...restricted, readRoles: [], updatedAt: '2026-03-02T09:20:00.000Z' };
      await manager.push('filing', [changed(restricted, reopened)]);
      const back = ((await (await billing.pull('filing', since)).json()) as { documents: WireDocument[] }).documents; // prettier-ignore
      expect(back.find((doc) => doc.id === ID(11))).toMatchObject({ title: 'Insurance card — synthetic', _deleted: false }); // prettier-ignore
    });

    it('keeps an unfiled scan to whoever captured it and the office manager', async () => {
      const stamp = {
        at: AT,
        by: { userId: deskUserId, name: 'Test rosa', deviceId: desk.deviceId },
      };
      const scan: WireDocument = {
        id: ID(30),
        kind: 'filedDocument',
        _deleted: false,
        title: 'Scan 1',
        source: 'scan',
        versions: {},
        captured: stamp,
        createdAt: AT,
        updatedAt: AT,
        editedBy: stamp.by, // prettier-ignore
      };
      expect(await (await desk.push('filing', [created(scan)])).json()).toMatchObject({ rejected: [] }); // prettier-ignore
      expect((await pulled(desk)).find((doc) => doc.id === ID(30))).toMatchObject({
        title: 'Scan 1',
      });
      expect((await pulled(manager)).find((doc) => doc.id === ID(30))).toMatchObject({ title: 'Scan 1' }); // prettier-ignore
      expect((await pulled(billing)).find((doc) => doc.id === ID(30))).toMatchObject({ _deleted: true }); // prettier-ignore
    });
  });
}
