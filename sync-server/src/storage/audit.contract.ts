/**
 * The audit trail's behaviour on every Store (SQLite and PostgreSQL), with the tampering a person
 * with the database could do: each must be found by `verifyAuditTrail` and named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../services/audit-verify.ts';
import { patient, TEST_START } from '../test-support.ts';
import type { AuditEventInput } from './audit-chain.ts';
import type { Store } from './store.ts';

const WRITER = {
  userId: 'user-1',
  username: 'rosa',
  deviceId: '0195a0c4-3333-7000-8000-000000000003',
};
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

export type AuditContractSubject = {
  store: Store;
  /** Runs SQL on the database directly, as someone with access to it could (`?` placeholders). */
  sql: (statement: string, values?: (string | number)[]) => Promise<void>;
  /** SQL that removes the triggers refusing UPDATE and DELETE (an attacker would). */
  dropGuards: string;
  cleanup: () => Promise<void>;
};

export function view(n: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    eventId: `0195a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`,
    action: 'view',
    userId: 'user-1',
    username: 'rosa',
    deviceId: WRITER.deviceId,
    deviceTime: at(n).toISOString(),
    serverTime: at(n + 1),
    collection: 'patients',
    recordId: patient(n).id,
    detail: null,
    ...overrides,
  };
}

export function describeAuditContract(name: string, open: () => Promise<AuditContractSubject>) {
  describe(`${name} audit trail`, () => {
    let subject: AuditContractSubject;
    let store: Store;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await store.close();
      await subject.cleanup();
    });

    it('links every entry to the one before, in order, and verifies', async () => {
      expect(await store.appendAuditEvents([view(1), view(2)])).toEqual({ recorded: 2 });
      expect(await store.appendAuditEvents([view(3)])).toEqual({ recorded: 1 });
      const chain = await store.readAuditChain(0, 10);
      expect(chain.map((entry) => entry.position)).toEqual([1, 2, 3]);
      expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
      expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
      expect(await store.auditChainHead()).toEqual({ position: 3, hash: chain[2]?.hash });
      expect(await verifyAuditTrail(store)).toMatchObject({ ok: true, count: 3 });
    });

    it('keeps verifying after an entry whose text UTF-8 or PostgreSQL cannot hold as given', async () => {
      // The boundary refuses such text; were any to get this far, the entry must still verify,
      // and so must every entry after it (the check stops at the first broken one).
      const odd = 'x\ud800y\u0000z\udfff';
      const everyField = {
        eventId: `${view(1).eventId}${odd}`,
        userId: odd,
        username: odd,
        deviceId: odd,
        deviceTime: odd,
        collection: odd,
        recordId: odd,
        detail: odd,
      };
      await store.appendAuditEvents([
        view(1, everyField),
        view(2, { action: 'sign-in-failed', username: `\u0000${odd}`, detail: odd }),
      ]);
      // A retry of the odd event is recognised as already recorded.
      expect(await store.appendAuditEvents([view(1, everyField), view(3)])).toEqual({
        recorded: 1,
      });
      expect(await verifyAuditTrail(store)).toMatchObject({ ok: true, count: 3 });
      const [first] = await store.readAuditChain(0, 1);
      expect(first?.username).toBe('x\ufffdy\ufffdz\ufffd');
      expect(first?.recordId).toBe('x\ufffdy\ufffdz\ufffd');
    });

    it('records a retried upload once', async () => {
      await store.appendAuditEvents([view(1), view(2)]);
      expect(await store.appendAuditEvents([view(2), view(3), view(3)])).toEqual({ recorded: 1 });
      expect((await store.readAuditChain(0, 10)).map((entry) => entry.eventId)).toEqual(
        [1, 2, 3].map((n) => view(n).eventId),
      );
    });

    it('records each accepted write as create, change or delete, naming the record only', async () => {
      const doc = patient(1, { givenName: 'Philippa' });
      await store.push('patients', [{ next: doc }], WRITER, at(0));
      const edited = { ...doc, phone: '+15552010199' };
      await store.push('patients', [{ assumed: doc, next: edited }], WRITER, at(1));
      // A retry of a stored state and a conflicting push write nothing, so they add no event.
      await store.push('patients', [{ assumed: doc, next: edited }], WRITER, at(2));
      await store.push(
        'patients',
        [{ assumed: doc, next: { ...doc, email: 'x@example.org' } }],
        WRITER,
        at(2),
      );
      await store.push(
        'patients',
        [{ assumed: edited, next: { ...edited, _deleted: true } }],
        WRITER,
        at(3),
      );

      const chain = await store.readAuditChain(0, 10);
      expect(chain.map((entry) => [entry.action, entry.recordId, entry.username])).toEqual([
        ['create', doc.id, 'rosa'],
        ['change', doc.id, 'rosa'],
        ['delete', doc.id, 'rosa'],
      ]);
      expect(chain[0]).toMatchObject({
        collection: 'patients',
        deviceId: WRITER.deviceId,
        serverTime: at(0).toISOString(),
      });
      expect(JSON.stringify(chain)).not.toMatch(/Philippa|5552010199/);
      expect(await verifyAuditTrail(store)).toMatchObject({ ok: true, count: 3 });
    });

    it('keeps one unbroken chain under concurrent appends and pushes', async () => {
      await Promise.all([
        ...Array.from({ length: 12 }, (_, n) =>
          store.appendAuditEvents([view(2 * n), view(2 * n + 1)]),
        ),
        ...Array.from({ length: 6 }, (_, n) =>
          store.push('patients', [{ next: patient(100 + n) }], WRITER, at(n)),
        ),
      ]);
      const chain = await store.readAuditChain(0, 100);
      expect(chain.map((entry) => entry.position)).toEqual(
        Array.from({ length: 30 }, (_, n) => n + 1),
      );
      expect(await verifyAuditTrail(store)).toMatchObject({ ok: true, count: 30 });
    });

    it('filters the report by user, record and time, newest first, in pages', async () => {
      await store.appendAuditEvents([
        view(1),
        view(2, { userId: 'user-2', username: 'Sam' }),
        view(3),
        view(4, { recordId: patient(1).id }),
      ]);
      const byRosa = await store.auditReport({ username: 'ROSA', page: 1, pageSize: 2 });
      expect(byRosa.total).toBe(3);
      expect(byRosa.entries.map((entry) => entry.position)).toEqual([4, 3]);
      const next = await store.auditReport({ username: 'rosa', page: 2, pageSize: 2 });
      expect(next.entries.map((entry) => entry.position)).toEqual([1]);
      const byRecord = await store.auditReport({ recordId: patient(1).id, page: 1, pageSize: 10 });
      expect(byRecord.entries.map((entry) => entry.position)).toEqual([4, 1]);
      const byTime = await store.auditReport({ from: at(3), to: at(4), page: 1, pageSize: 10 });
      expect(byTime.entries.map((entry) => entry.position)).toEqual([3, 2]);
      expect((await store.auditReport({ userId: 'user-2', page: 1, pageSize: 10 })).total).toBe(1);
    });

    it('refuses UPDATE and DELETE of an entry', async () => {
      await store.appendAuditEvents([view(1)]);
      await expect(subject.sql("UPDATE audit_events SET action = 'print'")).rejects.toThrow(
        /append-only/,
      );
      await expect(subject.sql('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    });

    describe('tampering, found and named', () => {
      beforeEach(async () => {
        await store.appendAuditEvents([1, 2, 3, 4, 5].map((n) => view(n)));
        await subject.sql(subject.dropGuards);
      });

      it('an edited entry', async () => {
        await subject.sql("UPDATE audit_events SET action = 'print' WHERE position = 3");
        expect(await verifyAuditTrail(store)).toMatchObject({
          ok: false,
          broken: { position: 3, eventId: view(3).eventId, reason: 'altered' },
        });
      });

      it('an edited entry whose hash was recomputed', async () => {
        // Without the next entry's link rewritten too, the chain breaks right after it.
        const [entry] = await store.readAuditChain(1, 1);
        const { auditEntryHash } = await import('./audit-chain.ts');
        const forged = { ...entry!, userId: 'user-9' };
        await subject.sql('UPDATE audit_events SET user_id = ?, hash = ? WHERE position = 2', [
          'user-9',
          auditEntryHash(forged),
        ]);
        expect(await verifyAuditTrail(store)).toMatchObject({
          ok: false,
          broken: { position: 3, reason: 'broken-link' },
        });
      });

      it('a deleted entry', async () => {
        await subject.sql('DELETE FROM audit_events WHERE position = 2');
        expect(await verifyAuditTrail(store)).toMatchObject({
          ok: false,
          broken: { position: 2, reason: 'missing-or-moved' },
        });
      });

      it('entries swapped', async () => {
        await subject.sql('UPDATE audit_events SET position = 99 WHERE position = 2');
        await subject.sql('UPDATE audit_events SET position = 2 WHERE position = 4');
        await subject.sql('UPDATE audit_events SET position = 4 WHERE position = 99');
        expect(await verifyAuditTrail(store)).toMatchObject({
          ok: false,
          broken: { position: 2, eventId: view(4).eventId, reason: 'broken-link' },
        });
      });

      it('the newest entries removed', async () => {
        await subject.sql('DELETE FROM audit_events WHERE position >= 4');
        expect(await verifyAuditTrail(store)).toMatchObject({
          ok: false,
          broken: { position: 4, reason: 'tail-missing' },
        });
      });
    });
  });
}
