/**
 * Sign-in throttling on every store (run by store.contract.ts).
 */
import { describe, expect, it } from 'vitest';
import { TEST_START } from '../test-support.ts';
import { accountThrottleKey, type Store } from './store.ts';

const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

export function describeThrottlingContract(store: () => Store) {
  describe('sign-in throttling', () => {
    const rosa = accountThrottleKey('Rosa');
    const address = 'address:10.0.0.7';

    it('lets exactly one attempt claim each consecutive-failure count, until a success clears it', async () => {
      expect(await store().loginThrottle(rosa, at(-60))).toEqual({
        consecutiveFailures: 0,
        lastFailureAt: null,
        lockedAt: null,
        recentFailures: 0,
        oldestRecentFailureAt: null,
      });
      expect(await store().claimLoginAttempt(rosa, 0, at(1))).toBe(true);
      // A second attempt that read the same count lost the race.
      expect(await store().claimLoginAttempt(rosa, 0, at(1))).toBe(false);
      expect(await store().claimLoginAttempt(rosa, 1, at(2))).toBe(true);
      expect(await store().loginThrottle(rosa, at(-60))).toMatchObject({
        consecutiveFailures: 2,
        lastFailureAt: at(2),
      });

      await store().clearConsecutiveLoginFailures(rosa);
      expect((await store().loginThrottle(rosa, at(-60))).consecutiveFailures).toBe(0);
      expect(await store().claimLoginAttempt(rosa, 0, at(3))).toBe(true);
    });

    it('counts failures per key after a moment, and forgets those older than asked', async () => {
      await store().recordLoginFailure([rosa, address], at(0), at(-1440));
      await store().recordLoginFailure([address], at(10), at(-1430));
      expect(await store().loginThrottle(address, at(-1))).toMatchObject({
        recentFailures: 2,
        oldestRecentFailureAt: at(0),
      });
      expect(await store().loginThrottle(address, at(5))).toMatchObject({
        recentFailures: 1,
        oldestRecentFailureAt: at(10),
      });
      expect((await store().loginThrottle(rosa, at(-1))).recentFailures).toBe(1);

      // A day later the old failures are gone, whatever window is asked about.
      await store().recordLoginFailure([address], at(1500), at(60));
      expect((await store().loginThrottle(address, at(-1))).recentFailures).toBe(1);
      expect((await store().loginThrottle(rosa, at(-1))).recentFailures).toBe(0);
    });

    it('keeps a lock, however old, until the account is unlocked by any spelling of its name', async () => {
      expect(await store().claimLoginAttempt(rosa, 0, at(0))).toBe(true);
      await store().recordLoginFailure([rosa], at(0), at(-1440));
      await store().lockLogin(rosa, at(1));
      await store().lockLogin(rosa, at(2));
      await store().recordLoginFailure([address], at(5000), at(4000));
      expect(await store().loginThrottle(rosa, at(-60))).toMatchObject({
        consecutiveFailures: 1,
        lockedAt: at(1),
      });

      await store().unlockAccount(' rOSA');
      expect(await store().loginThrottle(rosa, at(-60))).toEqual({
        consecutiveFailures: 0,
        lastFailureAt: null,
        lockedAt: null,
        recentFailures: 0,
        oldestRecentFailureAt: null,
      });
    });
  });
}
