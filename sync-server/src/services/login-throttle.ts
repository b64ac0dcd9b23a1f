import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { accountThrottleKey, addressThrottleKey, type Store } from '../storage/store.ts';

const MINUTE_MS = 60 * 1000;

/**
 * How hard password guessing is made (NIST SP 800-63B §5.2.2: slow down, and suspend well
 * before 100 failures). Every throttling rule reads these and nothing else.
 *
 * Failures are counted per account name, whether or not an account has it, so that the answers
 * are the same for names that exist and names that do not; and per client address, so that one
 * machine cannot try a few passwords on each of many accounts.
 */
export const LOGIN_THROTTLE = {
  /** Consecutive failures an account may have before each further attempt must wait. */
  freeFailures: 10,
  /** The wait after the last failure once past `freeFailures`; it doubles with each failure… */
  firstDelayMs: MINUTE_MS,
  /** …up to this. */
  maxDelayMs: 15 * MINUTE_MS,
  /** Failures of one account within `lockWindowMs` that lock it until an administrator unlocks it. */
  lockAfterFailures: 50,
  lockWindowMs: 24 * 60 * MINUTE_MS,
  /** Failures from one address within `addressWindowMs` (sliding) after which it must wait. */
  addressMaxFailures: 50,
  addressWindowMs: 15 * MINUTE_MS,
} as const;

/** Why a sign-in was refused before its password was looked at. */
export type LoginRefusal =
  | { code: 'rate-limited'; reason: 'wait'; retryAfterSeconds: number }
  | { code: 'rate-limited'; reason: 'locked' };

/** A sign-in allowed to check its password; it must report how that went. */
export type LoginAttempt = { succeeded(): Promise<void>; failed(): Promise<void> };

export type LoginThrottle = {
  begin(username: string, clientAddress: string): Promise<Result<LoginAttempt, LoginRefusal>>;
};

export function createLoginThrottle(deps: { store: Store; clock: () => Date }): LoginThrottle {
  const { store, clock } = deps;
  const wait = (untilMs: number, nowMs: number): LoginRefusal => ({
    code: 'rate-limited',
    reason: 'wait',
    retryAfterSeconds: Math.max(1, Math.ceil((untilMs - nowMs) / 1000)),
  });

  /**
   * One look at the counts and one claim. `null` when another attempt claimed the count this one
   * read: the count has moved on, and the caller looks again.
   */
  async function tryBegin(
    account: string,
    address: string,
  ): Promise<Result<LoginAttempt, LoginRefusal> | null> {
    const now = clock();
    const nowMs = now.getTime();
    const [accountState, addressState] = await Promise.all([
      store.loginThrottle(account, new Date(nowMs - LOGIN_THROTTLE.lockWindowMs)),
      store.loginThrottle(address, new Date(nowMs - LOGIN_THROTTLE.addressWindowMs)),
    ]);

    if (accountState.lockedAt) return fail({ code: 'rate-limited', reason: 'locked' } as const);
    // Normally locked as the last failure is recorded; this catches a lock lost to a crash
    // or to two instances recording failures at once.
    if (accountState.recentFailures >= LOGIN_THROTTLE.lockAfterFailures) {
      await store.lockLogin(account, now);
      return fail({ code: 'rate-limited', reason: 'locked' } as const);
    }
    const until = Math.max(
      accountWaitUntil(accountState.consecutiveFailures, accountState.lastFailureAt),
      addressState.recentFailures >= LOGIN_THROTTLE.addressMaxFailures &&
        addressState.oldestRecentFailureAt
        ? addressState.oldestRecentFailureAt.getTime() + LOGIN_THROTTLE.addressWindowMs
        : 0,
    );
    if (until > nowMs) return fail(wait(until, nowMs));

    // Counted as a failure before the password is checked, so attempts started at once each
    // take their own count: while free failures remain, each gets one; the last free one and
    // each later slot go to one attempt alone, and the others, looking again, must wait.
    const claimed = await store.claimLoginAttempt(account, accountState.consecutiveFailures, now);
    if (!claimed) return null;

    return ok({
      succeeded: () => store.clearConsecutiveLoginFailures(account),
      async failed() {
        const failedAt = clock();
        await store.recordLoginFailure(
          [account, address],
          failedAt,
          new Date(failedAt.getTime() - LOGIN_THROTTLE.lockWindowMs),
        );
        if (accountState.recentFailures + 1 >= LOGIN_THROTTLE.lockAfterFailures)
          await store.lockLogin(account, failedAt);
      },
    });
  }

  return {
    async begin(username, clientAddress) {
      const account = accountThrottleKey(username);
      const address = addressThrottleKey(clientAddress);
      // Each claim another attempt wins moves the count on by one, so within the free failures
      // and one more look every attempt is either let through or told to wait; only successes
      // resetting the count in between could keep one looking, and it is then asked to wait.
      for (let look = 0; look <= LOGIN_THROTTLE.freeFailures + 1; look++) {
        const outcome = await tryBegin(account, address);
        if (outcome) return outcome;
      }
      return fail({ code: 'rate-limited', reason: 'wait', retryAfterSeconds: 1 } as const);
    },
  };
}

/** When an account with `failures` consecutive failures, the last at `lastAt`, may try again. */
export function accountWaitUntil(failures: number, lastAt: Date | null): number {
  if (failures < LOGIN_THROTTLE.freeFailures || lastAt === null) return 0;
  const doublings = failures - LOGIN_THROTTLE.freeFailures;
  const delay = Math.min(
    LOGIN_THROTTLE.firstDelayMs * 2 ** Math.min(doublings, 30),
    LOGIN_THROTTLE.maxDelayMs,
  );
  return lastAt.getTime() + delay;
}

/** What staff read: the same whether or not the name belongs to an account. */
export function loginRefusalMessage(refusal: LoginRefusal): string {
  if (refusal.reason === 'locked')
    return 'This account is locked after too many failed sign-ins. Ask an administrator to unlock it.';
  const minutes = Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60));
  return `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
