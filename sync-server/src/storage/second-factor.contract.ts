/**
 * Pending sign-ins and TOTP secrets: part of the store contract (store.contract.ts runs it on
 * SQLite and PostgreSQL).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_START } from '../test-support.ts';
import type { PendingSignInRecord, Store, UserRecord } from './store.ts';

const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

const MANAGER: UserRecord = {
  id: 'user-m',
  username: 'mo.manager',
  displayName: 'Mo Manager',
  role: 'office-manager',
  passwordHash: 'x',
  active: true,
  createdAt: at(0),
  demoAccount: false,
};

const pending = (tokenHash: string, userId = MANAGER.id): PendingSignInRecord => ({
  tokenHash,
  userId,
  deviceId: '0195a0c4-3333-7000-8000-000000000003',
  createdAt: at(0),
  expiresAt: at(5),
  enrolmentSecret: null,
});

export function describeSecondFactorContract(current: () => Store) {
  describe('second factor', () => {
    let store: Store;
    beforeEach(async () => {
      store = current();
      await store.createUser(MANAGER);
    });

    it('keeps whether an account is a demo account', async () => {
      await store.createUser({ ...MANAGER, id: 'user-d', username: 'manager', demoAccount: true });
      expect((await store.findUserByUsername('manager'))?.demoAccount).toBe(true);
      expect((await store.findUserById(MANAGER.id))?.demoAccount).toBe(false);
    });

    it('keeps a pending sign-in with its user, and lets exactly one caller use it up', async () => {
      await store.createPendingSignIn(pending('p1'));
      expect(await store.findPendingSignIn('p1')).toEqual({
        pending: pending('p1'),
        user: MANAGER,
      });
      expect(await store.findPendingSignIn('nope')).toBeNull();
      const consumed = await Promise.all([
        store.consumePendingSignIn('p1'),
        store.consumePendingSignIn('p1'),
      ]);
      expect(consumed.sort()).toEqual([false, true]);
      expect(await store.findPendingSignIn('p1')).toBeNull();
    });

    it('offers one enrolment secret per pending sign-in, whoever asks first', async () => {
      await store.createPendingSignIn(pending('p1'));
      expect(await store.offerEnrolmentSecret('p1', 'FIRSTSECRET')).toBe('FIRSTSECRET');
      expect(await store.offerEnrolmentSecret('p1', 'SECONDSECRET')).toBe('FIRSTSECRET');
      expect((await store.findPendingSignIn('p1'))?.pending.enrolmentSecret).toBe('FIRSTSECRET');
      expect(await store.offerEnrolmentSecret('gone', 'X')).toBeNull();
    });

    it('clears expired pending sign-ins, and ends them with the rest of a person’s sessions', async () => {
      await store.createUser({ ...MANAGER, id: 'user-2', username: 'ana' });
      await store.createPendingSignIn(pending('old'));
      await store.createPendingSignIn({ ...pending('new'), expiresAt: at(10) });
      await store.createPendingSignIn({ ...pending('ana'), userId: 'user-2', expiresAt: at(10) });
      expect(await store.deleteExpiredPendingSignIns(at(5))).toBe(1);
      expect(await store.findPendingSignIn('old')).toBeNull();

      await store.deleteUserSessions(MANAGER.id);
      expect(await store.findPendingSignIn('new')).toBeNull();
      expect((await store.findPendingSignIn('ana'))?.user.id).toBe('user-2');
    });

    it('enrols a person once, keeping their secret and the step of their first code', async () => {
      const factor = {
        userId: MANAGER.id,
        totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
        enrolledAt: at(1),
        lastUsedStep: 100,
      };
      expect(await store.findSecondFactor(MANAGER.id)).toBeNull();
      expect(await store.enrolSecondFactor(factor)).toBe(true);
      expect(await store.enrolSecondFactor({ ...factor, totpSecret: 'OTHER' })).toBe(false);
      expect(await store.findSecondFactor(MANAGER.id)).toEqual(factor);
    });

    it('accepts each step once and never an older one, one caller per step', async () => {
      await store.enrolSecondFactor({
        userId: MANAGER.id,
        totpSecret: 'GEZDGNBVGY3TQOJQ',
        enrolledAt: at(1),
        lastUsedStep: 100,
      });
      expect(await store.useSecondFactorStep(MANAGER.id, 100)).toBe(false);
      expect(await store.useSecondFactorStep(MANAGER.id, 99)).toBe(false);
      const racing = await Promise.all([
        store.useSecondFactorStep(MANAGER.id, 101),
        store.useSecondFactorStep(MANAGER.id, 101),
      ]);
      expect(racing.sort()).toEqual([false, true]);
      expect((await store.findSecondFactor(MANAGER.id))?.lastUsedStep).toBe(101);
      expect(await store.useSecondFactorStep('nobody', 500)).toBe(false);
    });

    it('forgets a secret on reset, so the person enrols again', async () => {
      await store.enrolSecondFactor({
        userId: MANAGER.id,
        totpSecret: 'GEZDGNBVGY3TQOJQ',
        enrolledAt: at(1),
        lastUsedStep: 100,
      });
      expect(await store.removeSecondFactor(MANAGER.id)).toBe(true);
      expect(await store.removeSecondFactor(MANAGER.id)).toBe(false);
      expect(await store.findSecondFactor(MANAGER.id)).toBeNull();
    });
  });
}
