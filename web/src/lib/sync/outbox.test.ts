import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiFailure } from '../api/http.ts';
import { type OutboxLane, type PassOutcome, retryDelay, startOutbox } from './outbox.ts';
import type { SyncStatus } from './sync-status.svelte.ts';

describe('retryDelay', () => {
  it('doubles from about 2 s, each wait between half and all of its ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0.999_999))).toEqual([
      2000, 4000, 8000, 16000,
    ]);
  });

  it('never waits longer than 5 minutes, however many attempts failed', () => {
    expect(retryDelay(30, 0.999_999)).toBe(300_000);
    expect(retryDelay(1_000, 0)).toBe(150_000);
  });
});

const OFFLINE: ApiFailure = { ok: false, kind: 'network', message: 'The server cannot be reached' };
const REFUSED: ApiFailure = { ok: false, kind: 'api', status: 400, code: 'invalid-request', message: 'No' }; // prettier-ignore

/** A lane whose passes answer from a script, remembering each pass it was asked for. */
function scriptedLane(answers: PassOutcome[], extra: Partial<OutboxLane> = {}) {
  const passes: { ignoreWaits: boolean; includeRefused: boolean }[] = [];
  const lane: OutboxLane = {
    kind: 'uploads',
    what: 'Files taken on this device could not be uploaded',
    unsynced: true,
    count: () => Promise.resolve(0),
    send: ({ ignoreWaits, includeRefused }) => {
      passes.push({ ignoreWaits, includeRefused });
      return Promise.resolve(answers.shift() ?? { kind: 'sent' });
    },
    ...extra,
  };
  return { lane, passes };
}

function fakeStatus() {
  const status = {
    failures: [] as ApiFailure[],
    pending: {} as Record<string, number>,
    lastProblem: null as string | null,
    reportFailure(failure: ApiFailure) {
      status.failures.push(failure);
    },
    setPending(kind: string, count: number) {
      status.pending[kind] = count;
    },
  };
  return status;
}

describe('the outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('tries everything at start, then retries a transient failure after its back-off', async () => {
    const status = fakeStatus();
    // One file waits; the network is down at start.
    const { lane, passes } = scriptedLane([{ kind: 'failed', failure: OFFLINE }], {
      count: () => Promise.resolve(1),
    });
    const outbox = startOutbox([lane], { status: status as unknown as SyncStatus, random: () => 0 }); // prettier-ignore
    await vi.advanceTimersByTimeAsync(0);
    expect(passes[0]).toEqual({ ignoreWaits: true, includeRefused: true });
    expect(status.failures).toEqual([OFFLINE]);
    expect(status.pending).toEqual({ uploads: 1 });
    const before = passes.length;
    await vi.advanceTimersByTimeAsync(999);
    expect(passes.length).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(passes.length).toBe(before + 1);
    await outbox.stop();
  });

  it('keeps a lane the server refused quiet until the next start, and says why', async () => {
    const status = fakeStatus();
    const { lane, passes } = scriptedLane([{ kind: 'failed', failure: REFUSED }]);
    const outbox = startOutbox([lane], { status: status as unknown as SyncStatus });
    await vi.advanceTimersByTimeAsync(0);
    expect(status.lastProblem).toBe('Files taken on this device could not be uploaded: No');
    const before = passes.length;
    outbox.wake('uploads');
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(passes.length).toBe(before);
    await outbox.stop();
  });

  it('runs one pass at a time, and once more for what was asked meanwhile', async () => {
    const status = fakeStatus();
    let release = (): void => undefined;
    const first = new Promise<PassOutcome>(
      (resolve) => (release = () => resolve({ kind: 'sent' })),
    );
    let running = 0;
    let most = 0;
    const passes: boolean[] = [];
    const lane: OutboxLane = {
      kind: 'chart numbers',
      what: 'Chart numbers could not be reserved',
      unsynced: false,
      count: () => Promise.resolve(0),
      send: async ({ ignoreWaits }) => {
        passes.push(ignoreWaits);
        running++;
        most = Math.max(most, running);
        const outcome = passes.length === 1 ? await first : { kind: 'sent' as const };
        running--;
        return outcome;
      },
    };
    const outbox = startOutbox([lane], { status: status as unknown as SyncStatus });
    outbox.wake('chart numbers');
    outbox.wake('chart numbers');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
    expect(passes).toEqual([true, true]);
    // Its own bookkeeping is not an unsynced change.
    expect(status.pending).toEqual({});
    await outbox.stop();
  });
});
