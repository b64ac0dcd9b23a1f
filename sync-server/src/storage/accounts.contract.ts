/**
 * Staff accounts, sessions and devices on every store (run by store.contract.ts).
 */
import { describe, expect, it } from 'vitest';

import { TEST_START } from '../test-support.ts';
import type { Store, UserRecord } from './store.ts';

const WRITER = { userId: 'user-1', deviceId: '0195a0c4-3333-7000-8000-000000000003' };
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

export function describeAccountsContract(store: () => Store) {
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
      expect(await store().countUsers()).toBe(0);
      expect(await store().createUser(user)).toEqual({ ok: true, value: user });
      expect(await store().findUserByUsername('rOSA')).toEqual(user);
      expect(await store().createUser({ ...user, id: 'user-2', username: 'rosa' })).toEqual({
        ok: false,
        error: { code: 'duplicate-username' },
      });
      expect(await store().countUsers()).toBe(1);
      expect(await store().findUserByUsername('nobody')).toBeNull();
    });

    it('lists, finds by id and changes accounts, field by field', async () => {
      await store().createUser(user);
      await store().createUser({ ...user, id: 'user-2', username: 'ana', displayName: 'Ana Bell' });
      expect((await store().listUsers()).map((u) => u.username)).toEqual(['ana', 'Rosa']);
      expect(await store().findUserById('user-1')).toEqual(user);
      expect(await store().findUserById('nobody')).toBeNull();
      expect(await store().updateUser('user-1', { role: 'billing' })).toEqual({
        ...user,
        role: 'billing',
      });
      expect(await store().updateUser('user-1', { active: false, passwordHash: 'new' })).toEqual({
        ...user,
        role: 'billing',
        active: false,
        passwordHash: 'new',
      });
      expect(await store().updateUser('nobody', { active: false })).toBeNull();
    });

    it("ends every session of one user and no one else's", async () => {
      await store().createUser(user);
      await store().createUser({ ...user, id: 'user-2', username: 'ana' });
      const session = (tokenHash: string, userId: string) => ({
        tokenHash,
        userId,
        deviceId: null,
        createdAt: at(0),
        lastSeenAt: at(0),
        expiresAt: at(720),
        secondFactor: false,
      });
      await store().createSession(session('a', 'user-1'));
      await store().createSession(session('b', 'user-1'));
      await store().createSession(session('c', 'user-2'));
      await store().deleteUserSessions('user-1');
      expect(await store().findSession('a')).toBeNull();
      expect(await store().findSession('b')).toBeNull();
      expect((await store().findSession('c'))?.user.id).toBe('user-2');
    });

    it('keeps sessions with their user, refreshes them, and clears stale ones', async () => {
      await store().createUser(user);
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
      await store().createSession(session);
      await store().createSession(passwordOnly);
      expect(await store().findSession('hash-1')).toEqual({ session, user });
      expect(await store().findSession('hash-2')).toEqual({ session: passwordOnly, user });

      await store().touchSession('hash-1', at(10));
      expect((await store().findSession('hash-1'))?.session.lastSeenAt).toEqual(at(10));

      // At minute 12 with a 3-minute idle limit, hash-2 (last seen at 5) is stale.
      expect(await store().deleteStaleSessions(at(12), at(9))).toBe(1);
      expect(await store().findSession('hash-2')).toBeNull();
      await store().deleteSession('hash-1');
      expect(await store().findSession('hash-1')).toBeNull();
    });

    it('records devices repeatedly, keeping the first and the last time seen', async () => {
      await store().createUser(user);
      await store().recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(0) });
      await store().recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(1) });
      const [device] = await store().listDevices();
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
      await store().createUser(user);
      const report = {
        pendingChanges: 3,
        oldestPendingAt: at(-30).toISOString(),
        lastSyncAt: at(-31).toISOString(),
        appVersion: '1795724632172',
        storagePersisted: true,
      };
      await store().saveDeviceReport({
        deviceId: WRITER.deviceId,
        userId: user.id,
        report,
        at: at(2),
      });
      await store().saveDeviceReport({
        deviceId: WRITER.deviceId,
        userId: user.id,
        report: { ...report, pendingChanges: 0, oldestPendingAt: null },
        at: at(3),
      });
      expect(await store().listDevices()).toEqual([
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
      await store().createUser(user);
      const other = '0195a0c4-3333-7000-8000-0000000000e1';
      await store().recordDevice({ deviceId: WRITER.deviceId, userId: user.id, seenAt: at(0) });
      await store().recordDevice({ deviceId: other, userId: user.id, seenAt: at(1) });
      expect(await store().nameDevice(WRITER.deviceId, 'Front desk tablet 2')).toBe(true);
      expect(await store().nameDevice('0195a0c4-3333-7000-8000-0000000000ff', 'Ghost')).toBe(false);
      expect((await store().listDevices()).map((d) => [d.deviceId, d.name])).toEqual([
        [other, null],
        [WRITER.deviceId, 'Front desk tablet 2'],
      ]);

      expect(await store().retireDevice(other, at(2))).toBe(true);
      expect((await store().listDevices()).map((d) => d.deviceId)).toEqual([WRITER.deviceId]);
      expect(await store().retireDevice('0195a0c4-3333-7000-8000-0000000000ff', at(2))).toBe(false);

      // A retired device that syncs (or reports) again is listed again, with its name.
      await store().nameDevice(other, 'Old laptop');
      await store().recordDevice({ deviceId: other, userId: user.id, seenAt: at(3) });
      expect((await store().listDevices()).map((d) => [d.deviceId, d.name])).toEqual([
        [other, 'Old laptop'],
        [WRITER.deviceId, 'Front desk tablet 2'],
      ]);
      await store().retireDevice(other, at(4));
      await store().saveDeviceReport({
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
      expect((await store().listDevices()).map((d) => d.deviceId)).toContain(other);
    });
  });
}
