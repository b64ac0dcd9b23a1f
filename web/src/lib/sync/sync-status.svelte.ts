import type { ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import type { ApiFailure } from '../api/http.ts';
import { nowIso } from '../clock.ts';

export type Connection = 'connecting' | 'online' | 'offline' | 'signed-out' | 'update-required';

const LAST_SYNC_KEY = 'clinicdesk.last-sync';

/**
 * Refusals that mean the person's access changed on the server: the workspace asks who they
 * are now (and purges, or signs out).
 */
const ACCESS_CHANGES: readonly ApiErrorCode[] = [
  'forbidden',
  'account-deactivated',
  'second-factor-required',
];
/** Refusals after which this device is signed out of the server until someone signs in. */
const SIGNED_OUT: readonly ApiErrorCode[] = [
  'unauthenticated',
  'account-deactivated',
  'second-factor-required',
];

/**
 * What the app chrome shows about sync, for the whole app. "Online" means the server answered
 * the last request: a failing sync counts as offline even when the browser thinks it has a
 * network (`navigator.onLine` only knows about the local link).
 */
export class SyncStatus {
  connection = $state<Connection>('connecting');
  /** Local changes the server has not acknowledged yet, across all collections. */
  pending = $state(0);
  /**
   * The syncing tab has not counted every kind of unsynced change yet (it reads them at start):
   * until it has, `pending` may be short, and the chrome must not say everything is synced.
   */
  counting = $state(true);
  /** Fields two people changed differently while apart, waiting for someone to settle them. */
  conflicts = $state(0);
  /** Changes the server refused for good (invalid or forbidden); they stay on this device. */
  refused = $state(0);
  /** ISO time of the last exchange that left this device in step with the server. */
  lastSyncAt = $state<string | null>(readLastSync());
  /** The server's own words for the last failure, for the status details. */
  lastProblem = $state<string | null>(null);

  private pendingByCollection: Record<string, number> = {};
  /** The counts still to come before `counting` ends. */
  private uncounted: readonly string[] = [];
  /** Not reactive state: plain callbacks for the tab coordination. */
  private listeners: (() => void)[] = [];
  /** Called when the server's answer says this person's access may have changed. */
  private accessListeners: (() => void)[] = [];

  onAccessQuestion(listener: () => void): () => void {
    this.accessListeners.push(listener);
    return () => {
      this.accessListeners = this.accessListeners.filter((l) => l !== listener);
    };
  }

  /** Called after each change of what the leader tab shares with the others. */
  onChange(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** A follower tab shows the sync state of the tab that syncs. */
  showLeaderState(state: {
    connection: Connection;
    pending: number;
    counting: boolean;
    lastSyncAt: string | null;
    lastProblem: string | null;
  }): void {
    this.connection = state.connection;
    this.pending = state.pending;
    this.counting = state.counting;
    this.lastSyncAt = state.lastSyncAt;
    this.lastProblem = state.lastProblem;
  }

  reportSuccess(at = nowIso()): void {
    this.connection = 'online';
    this.lastProblem = null;
    this.lastSyncAt = at;
    localStorage.setItem(LAST_SYNC_KEY, at);
    this.changed();
  }

  /** The stream is alive: the server would tell this device about any change. */
  reportLive(at = nowIso()): void {
    if (this.connection === 'signed-out' || this.connection === 'update-required') return;
    this.connection = 'online';
    if (this.pending === 0 && !this.counting) this.reportSuccess(at);
    this.changed();
  }

  reportFailure(outcome: ApiFailure): void {
    this.lastProblem = outcome.message;
    if (outcome.kind === 'api' && ACCESS_CHANGES.includes(outcome.code))
      for (const listener of this.accessListeners) listener();
    if (outcome.kind === 'network') this.connection = 'offline';
    else if (SIGNED_OUT.includes(outcome.code)) this.connection = 'signed-out';
    else if (outcome.code === 'update-required') this.connection = 'update-required';
    else this.connection = 'offline';
    this.changed();
  }

  reportOffline(): void {
    if (this.connection !== 'signed-out' && this.connection !== 'update-required')
      this.connection = 'offline';
    this.changed();
  }

  /** The syncing tab starts: these counts (collections, uploads) are to come before any total. */
  expectCounts(names: readonly string[]): void {
    // A fresh start (a new sign-in may follow another person's in this page): nothing counted.
    this.pendingByCollection = {};
    this.pending = 0;
    this.uncounted = [...names];
    this.counting = this.uncounted.length > 0;
    this.changed();
  }

  /** `counted`: false while this kind is still being counted (the number may still grow). */
  setPending(collection: string, count: number, counted = true): void {
    this.pendingByCollection[collection] = count;
    if (counted) this.uncounted = this.uncounted.filter((name) => name !== collection);
    if (this.uncounted.length === 0) this.counting = false;
    this.pending = Object.values(this.pendingByCollection).reduce((sum, n) => sum + n, 0);
    this.changed();
  }

  /** Sync is about to be tried again now (a new sign-in, the network came back). */
  reportConnecting(): void {
    if (this.connection !== 'online') this.connection = 'connecting';
    this.changed();
  }

  reset(): void {
    this.connection = 'connecting';
    this.pendingByCollection = {};
    this.pending = 0;
    this.refused = 0;
    this.conflicts = 0;
    this.lastProblem = null;
    this.lastSyncAt = readLastSync();
  }
}

function readLastSync(): string | null {
  if (typeof localStorage === 'undefined') return null;
  const raw = localStorage.getItem(LAST_SYNC_KEY);
  return raw && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

export const syncStatus = new SyncStatus();
