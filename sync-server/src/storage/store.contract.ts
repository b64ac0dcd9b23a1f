/**
 * The behaviour every Store must have, run against each implementation (SQLite today,
 * PostgreSQL later) by its own `*.test.ts`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { patient, TEST_START } from '../test-support.ts';
import { describeBlobReferencesContract } from './blob-references.contract.ts';
import { describeChartStoreContract } from './chart-store.contract.ts';
import { describeSecondFactorContract } from './second-factor.contract.ts';
import { accountThrottleKey, type Store, type UserRecord } from './store.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

export function describeStoreContract(
  name: string,
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>,
) {
  describe(`${name} store contract`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ store, cleanup } = await open());
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const push = (rows: { assumed?: WireDocument | null; next: WireDocument }[]) =>
      store.push('patients', rows, WRITER, at(0));

    describeChartStoreContract(() => store);
    describeSecondFactorContract(() => store);
    describeBlobReferencesContract(() => store);

    describe('documents', () => {
      it('stores a new document in canonical form under the next seq', async () => {
        const doc = patient(1);
        expect(await push([{ next: doc }])).toEqual({
          conflicts: [],
          written: [{ id: doc.id, seq: 1 }],
          rejected: [],
        });
        const page = await store.pull('patients', 0, 10);
        expect(page.lastSeq).toBe(1);
        expect(page.documents.map((stored) => JSON.stringify(stored))).toEqual([
          canonicalJson(doc),
        ]);
      });

      it('gives every write of one push its own rising seq', async () => {
        const outcome = await push([1, 2, 3].map((n) => ({ next: patient(n) })));
        expect(outcome.written.map((write) => write.seq)).toEqual([1, 2, 3]);
        const second = await push([{ next: patient(4) }]);
        expect(second.written[0]?.seq).toBe(4);
      });

      it('writes a change based on the stored state, and moves it to the end', async () => {
        await push([{ next: patient(1) }, { next: patient(2) }]);
        const edited = { ...patient(1), givenName: 'Grace' };
        const outcome = await push([{ assumed: patient(1), next: edited }]);
        expect(outcome).toEqual({
          conflicts: [],
          written: [{ id: edited.id, seq: 3 }],
          rejected: [],
        });
        const page = await store.pull('patients', 0, 10);
        expect(page.documents).toEqual([patient(2), edited]);
      });

      it('returns the stored state for a stale or missing assumed state, and writes nothing', async () => {
        const current = { ...patient(1), givenName: 'Grace' };
        await push([{ next: patient(1) }]);
        await push([{ assumed: patient(1), next: current }]);
        const outcome = await push([
          { assumed: patient(1), next: { ...patient(1), givenName: 'Hope' } },
          { next: { ...patient(1), givenName: 'Iris' } },
          { assumed: null, next: { ...patient(1), givenName: 'June' } },
        ]);
        expect(outcome).toEqual({
          conflicts: [current, current, current],
          written: [],
          rejected: [],
        });
        expect((await store.pull('patients', 0, 10)).documents).toEqual([current]);
      });

      it('never moves a record back to a state it has left, and answers with the current one', async () => {
        // A pushes v1 → v2; the answer is lost. B then writes v3 on top of v2. A retries v1 → v2.
        const v1 = patient(1);
        const v2 = { ...v1, phone: '+15552010122' };
        const v3 = { ...v2, email: 'b@example.org' };
        await push([{ next: v1 }]);
        await push([{ assumed: v1, next: v2 }]);
        await push([{ assumed: v2, next: v3 }]);
        // The answer itself carries v3, marked as superseding v2 (A merges with v2 as base);
        // nothing is written or announced, so no pull can bring v3 to A before the answer does.
        expect(await push([{ assumed: v1, next: v2 }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
          superseded: [v1.id],
        });
        expect(await store.pull('patients', 3, 10)).toEqual({ documents: [], lastSeq: 3 });
        // A stale copy pushed as if based on the current state is not written either.
        expect(await push([{ assumed: v3, next: v1 }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
          superseded: [v1.id],
        });
        expect(await store.pull('patients', 0, 10)).toEqual({ documents: [v3], lastSeq: 3 });
        // A change the server never stored is still judged against the current state.
        const unseen = { ...v1, phone: '+15552010133' };
        expect(await push([{ assumed: v1, next: unseen }])).toEqual({
          conflicts: [v3],
          written: [],
          rejected: [],
        });
      });

      it('counts the documents a pull would still send after a checkpoint, in one collection', async () => {
        await push([{ next: patient(1) }, { next: patient(2) }, { next: patient(3) }]);
        expect(await store.countAfter('patients', 0)).toBe(3);
        expect(await store.countAfter('patients', 2)).toBe(1);
        expect(await store.countAfter('patients', 3)).toBe(0);
        // An edit moves its document past the checkpoint: it is counted again, once.
        await push([{ assumed: patient(1), next: { ...patient(1), phone: '+15552010199' } }]);
        expect(await store.countAfter('patients', 3)).toBe(1);
        expect(await store.countAfter('patients', 0)).toBe(3);
        expect(await store.countAfter('visits', 0)).toBe(0);
      });

      it('says which of some ids a collection holds, tombstones included', async () => {
        await push([{ next: patient(1) }, { next: patient(2, { _deleted: true }) }]);
        const ids = [patient(1).id, patient(2).id, patient(3).id];
        expect(await store.storedIds('patients', ids)).toEqual(new Set([patient(1).id, patient(2).id])); // prettier-ignore
        expect(await store.storedIds('visits', ids)).toEqual(new Set());
        expect(await store.storedIds('patients', [])).toEqual(new Set());
      });

      it('treats a push of the stored state as done: no conflict, no new seq', async () => {
        await push([{ next: patient(1) }]);
        const outcome = await push([
          { assumed: { ...patient(1), givenName: 'Old' }, next: patient(1) },
        ]);
        // The answer says at which seq the server holds that state (ADR 7: a device that pulled a
        // later state meanwhile must not take its own for the server's).
        expect(outcome).toEqual({
          conflicts: [],
          written: [],
          rejected: [],
          alreadyStored: [{ id: patient(1).id, seq: 1 }],
        });
        expect((await store.pull('patients', 0, 10)).lastSeq).toBe(1);
      });

      it('judges each row against the stored state inside the push, and stores nothing it refuses', async () => {
        await push([{ next: patient(1) }]);
        const seen: [string | null, string][] = [];
        const outcome = await store.push(
          'patients',
          [
            { assumed: patient(1), next: { ...patient(1), givenName: 'Grace' } },
            { next: patient(2) },
            { next: patient(3) },
          ],
          WRITER,
          at(0),
          (stored, next) => {
            seen.push([stored ? String(stored.givenName) : null, next.id]);
            return next.id === patient(3).id ? null : { code: 'forbidden', message: 'No' };
          },
        );
        expect(seen).toEqual([
          ['Ada', patient(1).id],
          [null, patient(2).id],
          [null, patient(3).id],
        ]);
        expect(outcome).toEqual({
          conflicts: [],
          written: [{ id: patient(3).id, seq: 2 }],
          rejected: [
            { id: patient(1).id, code: 'forbidden', message: 'No' },
            { id: patient(2).id, code: 'forbidden', message: 'No' },
          ],
        });
        expect((await store.pull('patients', 0, 10)).documents).toEqual([patient(1), patient(3)]);
      });

      it('judges a refused change once more with every earlier state of the record', async () => {
        const v1 = patient(1);
        const v2 = { ...v1, givenName: 'Grace' };
        const v3 = { ...v2, givenName: 'Hope' };
        await push([{ next: v1 }]);
        await push([{ assumed: v1, next: v2 }]);
        const judged: string[][] = [];
        const outcome = await store.push(
          'patients',
          [{ assumed: v2, next: v3 }],
          WRITER,
          at(0),
          (stored, next, earlier) => {
            if (stored === next) return null;
            judged.push((earlier ?? []).map((state) => String(state.givenName)));
            return earlier ? null : { code: 'forbidden', message: 'Not without history' };
          },
        );
        expect(judged).toEqual([[], ['Ada', 'Grace']]);
        expect(outcome.written).toEqual([{ id: v1.id, seq: 3 }]);
        expect(outcome.rejected).toEqual([]);
      });

      it('keeps tombstones', async () => {
        await push([{ next: patient(1) }]);
        const tombstone = { ...patient(1), _deleted: true };
        await push([{ assumed: patient(1), next: tombstone }]);
        expect((await store.pull('patients', 0, 10)).documents).toEqual([tombstone]);
      });

      it('gives a page as stored JSON text, exactly what pull gives serialised', async () => {
        const accented = { ...patient(2), givenName: 'Zoë', familyName: 'O’Brien-Núñez' };
        await push([{ next: patient(1) }, { next: accented }]);
        await push([{ assumed: patient(1), next: { ...patient(1), _deleted: true } }]);
        const page = await store.pull('patients', 0, 10);
        const json = await store.pullJson('patients', 0, 10);
        expect(json.lastSeq).toBe(page.lastSeq);
        expect(json.documents).toEqual(page.documents.map((doc) => JSON.stringify(doc)));
        // Each document's seq, in order: the tombstone was written last.
        expect(json.seqs).toEqual([2, 3]);
        expect(await store.pullJson('patients', page.lastSeq, 10)).toEqual({
          documents: [],
          seqs: [],
          lastSeq: page.lastSeq,
        });
      });

      it('pages by seq and reports the input seq when nothing is newer', async () => {
        await push([1, 2, 3, 4, 5].map((n) => ({ next: patient(n) })));
        const first = await store.pull('patients', 0, 2);
        const second = await store.pull('patients', first.lastSeq, 2);
        const third = await store.pull('patients', second.lastSeq, 2);
        const done = await store.pull('patients', third.lastSeq, 2);
        expect([first, second, third, done].map((page) => page.documents.length)).toEqual([
          2, 2, 1, 0,
        ]);
        expect(done.lastSeq).toBe(5);
      });

      it('writes nothing at all when a push fails part-way', async () => {
        const broken = { ...patient(2), id: { not: 'a string' } } as unknown as WireDocument;
        await expect(push([{ next: patient(1) }, { next: broken }])).rejects.toThrow();
        expect(await store.pull('patients', 0, 10)).toEqual({ documents: [], lastSeq: 0 });
        expect((await push([{ next: patient(3) }])).written[0]?.seq).toBe(1);
      });
    });

    describe('accounts', () => {
      const user: UserRecord = {
        id: 'user-1',
        username: 'Rosa',
        displayName: 'Rosa Díaz',
        role: 'front-desk',
        passwordHash: '$scrypt$…',
        active: true,
        createdAt: at(0),
        demoAccount: false,
      };

      it('finds users without regard to case and refuses a second with the same name', async () => {
        expect(await store.countUsers()).toBe(0);
        expect(await store.createUser(user)).toEqual({ ok: true, value: user });
        expect(await store.findUserByUsername('rOSA')).toEqual(user);
        expect(await store.createUser({ ...user, id: 'user-2', username: 'rosa' })).toEqual({
          ok: false,
          error: { code: 'duplicate-username' },
        });
        expect(await store.countUsers()).toBe(1);
        expect(await store.findUserByUsername('nobody')).toBeNull();
      });

      it('lists, finds by id and changes accounts, field by field', async () => {
        await store.createUser(user);
        await store.createUser({ ...user, id: 'user-2', username: 'ana', displayName: 'Ana Bell' });
        expect((await store.listUsers()).map((u) => u.username)).toEqual(['ana', 'Rosa']);
        expect(await store.findUserById('user-1')).toEqual(user);
        expect(await store.findUserById('nobody')).toBeNull();
        expect(await store.updateUser('user-1', { role: 'billing' })).toEqual({
          ...user,
          role: 'billing',
        });
        expect(await store.updateUser('user-1', { active: false, passwordHash: 'new' })).toEqual({
          ...user,
          role: 'billing',
          active: false,
          passwordHash: 'new',
        });
        expect(await store.updateUser('nobody', { active: false })).toBeNull();
      });

      it("ends every session of one user and no one else's", async () => {
        await store.createUser(user);
        await store.createUser({ ...user, id: 'user-2', username: 'ana' });
        const session = (tokenHash: string, userId: string) => ({
          tokenHash,
          userId,
          deviceId: null,
          createdAt: at(0),
          lastSeenAt: at(0),
          expiresAt: at(720),
          secondFactor: false,
        });
        await store.createSession(session('a', 'user-1'));
        await store.createSession(session('b', 'user-1'));
        await store.createSession(session('c', 'user-2'));
        await store.deleteUserSessions('user-1');
        expect(await store.findSession('a')).toBeNull();
        expect(await store.findSession('b')).toBeNull();
        expect((await store.findSession('c'))?.user.id).toBe('user-2');
      });

      it('keeps sessions with their user, refreshes them, and clears stale ones', async () => {
        await store.createUser(user);
        const session = {
          tokenHash: 'hash-1',
          userId: user.id,
          deviceId: null,
          createdAt: at(0),
          lastSeenAt: at(0),
          expiresAt: at(720),
          secondFactor: true,
        };
        const passwordOnly = {
          ...session,
          tokenHash: 'hash-2',
          lastSeenAt: at(5),
          secondFactor: false,
        };
        await store.createSession(session);
        await store.createSession(passwordOnly);
        expect(await store.findSession('hash-1')).toEqual({ session, user });
        expect(await store.findSession('hash-2')).toEqual({ session: passwordOnly, user });

        await store.touchSession('hash-1', at(10));
        expect((await store.findSession('hash-1'))?.session.lastSeenAt).toEqual(at(10));

        // At minute 12 with a 3-minute idle limit, hash-2 (last seen at 5) is stale.
        expect(await store.deleteStaleSessions(at(12), at(9))).toBe(1);
        expect(await store.findSession('hash-2')).toBeNull();
        await store.deleteSession('hash-1');
        expect(await store.findSession('hash-1')).toBeNull();
      });

      it('records devices repeatedly, keeping the first and the last time seen', async () => {
        await store.createUser(user);
        await store.recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(0) });
        await store.recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(1) });
        const [device] = await store.listDevices();
        expect(device).toMatchObject({
          deviceId: WRITER.deviceId,
          user: { id: user.id, displayName: user.displayName, role: user.role },
          firstSeenAt: at(0),
          lastSeenAt: at(1),
          report: null,
          reportedAt: null,
        });
      });

      it("keeps each device's latest health report", async () => {
        await store.createUser(user);
        const report = {
          pendingChanges: 3,
          oldestPendingAt: at(-30).toISOString(),
          lastSyncAt: at(-31).toISOString(),
          appVersion: '1795724632172',
          storagePersisted: true,
        };
        await store.saveDeviceReport({
          deviceId: WRITER.deviceId,
          userId: user.id,
          report,
          at: at(2),
        });
        await store.saveDeviceReport({
          deviceId: WRITER.deviceId,
          userId: user.id,
          report: { ...report, pendingChanges: 0, oldestPendingAt: null },
          at: at(3),
        });
        expect(await store.listDevices()).toEqual([
          {
            deviceId: WRITER.deviceId,
            name: null,
            user: { id: user.id, displayName: user.displayName, role: user.role },
            firstSeenAt: at(2),
            lastSeenAt: at(3),
            report: { ...report, pendingChanges: 0, oldestPendingAt: null },
            reportedAt: at(3),
          },
        ]);
      });

      it('names a device, and retires it until it is heard from again', async () => {
        await store.createUser(user);
        const other = '0195a0c4-3333-7000-8000-0000000000e1';
        await store.recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(0) });
        await store.recordDevice({ deviceId: other, userId: user.id, seenAt: at(1) });
        expect(await store.nameDevice(WRITER.deviceId, 'Front desk tablet 2')).toBe(true);
        expect(await store.nameDevice('0195a0c4-3333-7000-8000-0000000000ff', 'Ghost')).toBe(false);
        expect((await store.listDevices()).map((d) => [d.deviceId, d.name])).toEqual([
          [other, null],
          [WRITER.deviceId, 'Front desk tablet 2'],
        ]);

        expect(await store.retireDevice(other, at(2))).toBe(true);
        expect((await store.listDevices()).map((d) => d.deviceId)).toEqual([WRITER.deviceId]);
        expect(await store.retireDevice('0195a0c4-3333-7000-8000-0000000000ff', at(2))).toBe(false);

        // A retired device that syncs (or reports) again is listed again, with its name.
        await store.nameDevice(other, 'Old laptop');
        await store.recordDevice({ deviceId: other, userId: user.id, seenAt: at(3) });
        expect((await store.listDevices()).map((d) => [d.deviceId, d.name])).toEqual([
          [other, 'Old laptop'],
          [WRITER.deviceId, 'Front desk tablet 2'],
        ]);
        await store.retireDevice(other, at(4));
        await store.saveDeviceReport({
          deviceId: other,
          userId: user.id,
          report: {
            pendingChanges: 1,
            oldestPendingAt: at(4).toISOString(),
            lastSyncAt: null,
            appVersion: '1',
            storagePersisted: true,
          },
          at: at(5),
        });
        expect((await store.listDevices()).map((d) => d.deviceId)).toContain(other);
      });
    });

    describe('sign-in throttling', () => {
      const rosa = accountThrottleKey('Rosa');
      const address = 'address:10.0.0.7';

      it('lets exactly one attempt claim each consecutive-failure count, until a success clears it', async () => {
        expect(await store.loginThrottle(rosa, at(-60))).toEqual({
          consecutiveFailures: 0,
          lastFailureAt: null,
          lockedAt: null,
          recentFailures: 0,
          oldestRecentFailureAt: null,
        });
        expect(await store.claimLoginAttempt(rosa, 0, at(1))).toBe(true);
        // A second attempt that read the same count lost the race.
        expect(await store.claimLoginAttempt(rosa, 0, at(1))).toBe(false);
        expect(await store.claimLoginAttempt(rosa, 1, at(2))).toBe(true);
        expect(await store.loginThrottle(rosa, at(-60))).toMatchObject({
          consecutiveFailures: 2,
          lastFailureAt: at(2),
        });

        await store.clearConsecutiveLoginFailures(rosa);
        expect((await store.loginThrottle(rosa, at(-60))).consecutiveFailures).toBe(0);
        expect(await store.claimLoginAttempt(rosa, 0, at(3))).toBe(true);
      });

      it('counts failures per key after a moment, and forgets those older than asked', async () => {
        await store.recordLoginFailure([rosa, address], at(0), at(-1440));
        await store.recordLoginFailure([address], at(10), at(-1430));
        expect(await store.loginThrottle(address, at(-1))).toMatchObject({
          recentFailures: 2,
          oldestRecentFailureAt: at(0),
        });
        expect(await store.loginThrottle(address, at(5))).toMatchObject({
          recentFailures: 1,
          oldestRecentFailureAt: at(10),
        });
        expect((await store.loginThrottle(rosa, at(-1))).recentFailures).toBe(1);

        // A day later the old failures are gone, whatever window is asked about.
        await store.recordLoginFailure([address], at(1500), at(60));
        expect((await store.loginThrottle(address, at(-1))).recentFailures).toBe(1);
        expect((await store.loginThrottle(rosa, at(-1))).recentFailures).toBe(0);
      });

      it('keeps a lock, however old, until the account is unlocked by any spelling of its name', async () => {
        expect(await store.claimLoginAttempt(rosa, 0, at(0))).toBe(true);
        await store.recordLoginFailure([rosa], at(0), at(-1440));
        await store.lockLogin(rosa, at(1));
        await store.lockLogin(rosa, at(2));
        await store.recordLoginFailure([address], at(5000), at(4000));
        expect(await store.loginThrottle(rosa, at(-60))).toMatchObject({
          consecutiveFailures: 1,
          lockedAt: at(1),
        });

        await store.unlockAccount(' rOSA');
        expect(await store.loginThrottle(rosa, at(-60))).toEqual({
          consecutiveFailures: 0,
          lastFailureAt: null,
          lockedAt: null,
          recentFailures: 0,
          oldestRecentFailureAt: null,
        });
      });
    });
  });
}
