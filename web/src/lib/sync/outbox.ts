import { liveQuery, type Subscription } from 'dexie';
import type { ApiFailure } from '../api/http.ts';
import type { SyncStatus } from './sync-status.svelte.ts';

/**
 * THE device's outbox for what is not a replicated record: files taken here, audit events,
 * chart-number requests, and whatever comes next. Each is a lane; the outbox gives every lane
 * the same rules — one pass at a time (what is asked meanwhile runs right after), one notion of
 * a transient failure, one back-off, a wake-up when the browser is back online or the lane's
 * queue changes, a fresh chance for everything at start, a count of what waits for the strip,
 * and never a silent stop.
 */

/** How a lane's pass went. */
export type PassOutcome =
  /**
   * Everything due went out (or nothing was due); `nextDueAt`: a later item's own time;
   * `problem`: why an item the server refused for good stays on the device.
   */
  | { kind: 'sent'; nextDueAt?: number | null; problem?: string }
  /** The network, the server or the session failed: tried again with back-off. */
  | { kind: 'failed'; failure: ApiFailure }
  /** The server refused for good: kept on the device, reported, tried at the next start. */
  | { kind: 'refused'; message: string };

/** Which items a pass tries: the due ones, all waiting ones, or even those refused before. */
export type Pass = { ignoreWaits: boolean; includeRefused: boolean };

export type PassOptions = Pass & {
  signal: AbortSignal;
  /** The outbox is stopping (sign-out): end the pass, leaving the queue as it is. */
  stopped: () => boolean;
};

export type OutboxLane = {
  /** The kind of item, as the unsynced count names it (`uploads`, `audit events`). */
  kind: string;
  /** Staff-facing words for a failure ("Files taken on this device could not be uploaded"). */
  what: string;
  send(options: PassOptions): Promise<PassOutcome>;
  /** How many items wait; watched live, and each change wakes the lane. */
  count(): Promise<number>;
  /** Whether what waits counts as an unsynced change in the strip (audit events do not). */
  unsynced: boolean;
  /** Tries again on its own this often even when nothing changed (a stock that runs low). */
  everyMs?: number;
};

export type Outbox = {
  /** Tries every waiting item of every lane now, their waits aside. */
  retryNow: () => void;
  /** Tries one lane now (after a registration used a chart number, say). */
  wake: (kind: string) => void;
  stop: () => Promise<void>;
};

const FIRST_RETRY_MS = 2_000;
const LONGEST_RETRY_MS = 5 * 60_000;
/** After an unexpected error (the local database, say), a lane tries again this much later. */
const AFTER_BUG_MS = 30_000;

/** Worth trying again later: the network, the server, or the session, not the item itself. */
export function isTransient(failure: ApiFailure): boolean {
  if (failure.kind === 'network') return true;
  return (
    failure.status >= 500 ||
    failure.status === 401 ||
    failure.status === 408 ||
    failure.status === 426 ||
    failure.status === 429
  );
}

/**
 * Exponential backoff with jitter: about 2 s, 4 s, 8 s … up to 5 minutes, each between half and
 * all of that, so tablets that lost the network together do not all come back at once.
 * `random` is in [0, 1).
 */
export function retryDelay(attempt: number, random: number): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** Items whose time has come. */
const DUE: Pass = { ignoreWaits: false, includeRefused: false };
/** Every waiting item now (back online, asked for by hand). */
const NOW: Pass = { ignoreWaits: true, includeRefused: false };
/** Everything, even what the server refused before (a start). */
const EVERYTHING: Pass = { ignoreWaits: true, includeRefused: true };

type LaneState = {
  lane: OutboxLane;
  running: Promise<void> | null;
  /** What was asked for while a pass ran. */
  queued: Pass | null;
  failures: number;
  /** While backing off after a transient failure, due passes wait for the back-off's timer. */
  backoffUntil: number;
  refused: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  interval: ReturnType<typeof setInterval> | undefined;
  watch: Subscription | undefined;
};

export function startOutbox(
  lanes: readonly OutboxLane[],
  deps: { status: SyncStatus; random?: () => number; now?: () => number },
): Outbox {
  const { status } = deps;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const abort = new AbortController();
  let stopped = false;
  const states = lanes.map((lane): LaneState => ({
    lane,
    running: null,
    queued: null,
    failures: 0,
    backoffUntil: 0,
    refused: false,
    timer: undefined,
    interval: undefined,
    watch: undefined,
  }));

  function run(state: LaneState, pass: Pass): void {
    if (stopped || (state.refused && !pass.includeRefused)) return;
    if (!pass.ignoreWaits && now() < state.backoffUntil) return;
    if (state.running) {
      // One pass at a time; whatever was asked for meanwhile runs right after.
      state.queued = {
        ignoreWaits: pass.ignoreWaits || (state.queued?.ignoreWaits ?? false),
        includeRefused: pass.includeRefused || (state.queued?.includeRefused ?? false),
      };
      return;
    }
    clearTimeout(state.timer);
    if (pass.includeRefused) state.refused = false;
    const options = { ...pass, signal: abort.signal, stopped: () => stopped };
    state.running = state.lane
      .send(options)
      .then((outcome) => settle(state, outcome))
      .catch((error: unknown) => {
        if (stopped) return;
        // Never a silent stop: the items would sit here while the app says nothing.
        console.error(`ClinicDesk could not send ${state.lane.kind}`, error);
        status.lastProblem = state.lane.what;
        state.timer = setTimeout(() => run(state, DUE), AFTER_BUG_MS);
      })
      .finally(() => {
        state.running = null;
        const queued = state.queued;
        state.queued = null;
        if (queued) run(state, queued);
      });
  }

  function settle(state: LaneState, outcome: PassOutcome): void {
    if (stopped) return;
    if (outcome.kind === 'sent') {
      state.failures = 0;
      state.backoffUntil = 0;
      if (outcome.problem) status.lastProblem = `${state.lane.what}: ${outcome.problem}`;
      if (outcome.nextDueAt != null)
        state.timer = setTimeout(() => run(state, DUE), Math.max(0, outcome.nextDueAt - now()));
      return;
    }
    if (outcome.kind === 'failed' && isTransient(outcome.failure)) {
      // Offline, a server error, an ended session or an outdated app: the chrome says which,
      // and the items wait on this device until they can go.
      status.reportFailure(outcome.failure);
      state.failures += 1;
      const delay = retryDelay(state.failures, random());
      state.backoffUntil = now() + delay;
      state.timer = setTimeout(() => run(state, DUE), delay);
      return;
    }
    const message = outcome.kind === 'refused' ? outcome.message : outcome.failure.message;
    state.refused = true;
    status.lastProblem = `${state.lane.what}: ${message}`;
  }

  const onOnline = () => {
    for (const state of states) run(state, NOW);
  };
  window.addEventListener('online', onOnline);

  for (const state of states) {
    // Every change to the lane's queue (an item added here or in another tab, one sent)
    // updates the count in the chrome and gives a new item its first try.
    state.watch = liveQuery(() => state.lane.count()).subscribe({
      next: (count) => {
        if (state.lane.unsynced) status.setPending(state.lane.kind, count);
        if (count > 0) run(state, DUE);
      },
      error: (error: unknown) => {
        console.error(`ClinicDesk could not count waiting ${state.lane.kind}`, error);
        status.lastProblem = 'Could not count unsynced changes on this device';
      },
    });
    if (state.lane.everyMs) state.interval = setInterval(() => run(state, DUE), state.lane.everyMs); // prettier-ignore
    // A start is a fresh chance for everything, even what the server refused last time (the
    // app or the server may have been fixed since).
    run(state, EVERYTHING);
  }

  return {
    retryNow() {
      for (const state of states) {
        state.failures = 0;
        run(state, NOW);
      }
    },
    wake(kind) {
      for (const state of states) if (state.lane.kind === kind) run(state, NOW);
    },
    async stop() {
      stopped = true;
      abort.abort();
      window.removeEventListener('online', onOnline);
      for (const state of states) {
        clearTimeout(state.timer);
        clearInterval(state.interval);
        state.watch?.unsubscribe();
      }
      await Promise.all(states.map((state) => state.running ?? Promise.resolve()));
    },
  };
}
