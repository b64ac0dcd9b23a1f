import type { ApiErrorCode } from '@clinicdesk/shared/sync/protocol.ts';
import type { ApiFailure } from '../api/http.ts';
import { nowIso } from '../clock.ts';
import {
  afterAnswer,
  combined,
  type Download,
  type DownloadProgress,
  NOT_STARTED,
  progressOf,
} from './download-progress.ts';

export type Connection = 'connecting' | 'online' | 'offline' | 'signed-out' | 'update-required';

const LAST_SYNC_KEY = 'clinicdesk.last-sync';
/** Per person: the collections this device has once received whole (a JSON array of names). */
const RECEIVED_WHOLE_KEY = 'clinicdesk.received-whole.';

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
  // This browser's device id changed while its cookie stayed: a fresh sign-in binds a session.
  'session-on-another-device',
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
  /**
   * Collections this device is still catching up on (its first sync, say), by name. Until the
   * syncing tab has said which ones (`downloadsKnown`), a screen cannot tell an empty clinic
   * from one whose records have not arrived yet.
   */
  // Raw: replaced whole on each answer, never changed in place, and posted to other tabs as is.
  downloads = $state.raw<Record<string, Download>>({});
  downloadsKnown = $state(false);

  /**
   * `pending` by kind (a collection, or an outbox lane such as `uploads`), so the strip can say
   * what waits. Raw: replaced whole on each change, and posted to other tabs as is.
   */
  pendingByKind = $state.raw<Record<string, number>>({});
  /** The counts still to come before `counting` ends. */
  private uncounted: readonly string[] = [];
  /** Whose sync this is (the record of what was received whole is kept per person). */
  #person: string | null = null;
  /** Collections received whole since the last reset (bookkeeping, not state). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #receivedWhole = new Set<string>();
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
    pendingByKind?: Record<string, number>;
    counting: boolean;
    lastSyncAt: string | null;
    lastProblem: string | null;
    downloads: Record<string, Download>;
    downloadsKnown: boolean;
  }): void {
    this.connection = state.connection;
    this.pending = state.pending;
    this.pendingByKind = state.pendingByKind ?? {};
    this.counting = state.counting;
    this.lastSyncAt = state.lastSyncAt;
    this.lastProblem = state.lastProblem;
    this.downloads = state.downloads;
    this.downloadsKnown = state.downloadsKnown;
  }

  /** One collection's download, while it lasts (null when the device has all of it). */
  download(collection: string): DownloadProgress | null {
    const download = this.downloads[collection];
    return download ? progressOf(download) : null;
  }

  /** Every download under way, as one (null when the device is not catching up). */
  get downloading(): DownloadProgress | null {
    return combined(Object.values(this.downloads));
  }

  reportSuccess(at = nowIso()): void {
    this.connection = 'online';
    this.lastProblem = null;
    // "Last sync" is the last time this device was in step with the server: not while it is
    // still catching up (a first sync would otherwise say "synced" after its first page).
    if (Object.keys(this.downloads).length === 0) {
      this.lastSyncAt = at;
      localStorage.setItem(LAST_SYNC_KEY, at);
    }
    this.changed();
  }

  /**
   * The syncing tab starts, for this person: the collections it syncs that this device has never
   * received whole are downloading (count not known yet) until the server says none is left.
   */
  expectDownloads(person: string, collections: readonly string[]): void {
    this.#person = person;
    // Answers that came before this call (the replication may win the race) are kept.
    for (const name of this.#receivedWhole) rememberReceivedWhole(person, name);
    const whole = readReceivedWhole(person);
    this.downloads = Object.fromEntries(
      collections
        .filter((name) => !whole.includes(name))
        .map((name) => [name, this.downloads[name] ?? NOT_STARTED]),
    );
    this.downloadsKnown = true;
    this.changed();
  }

  /**
   * A pull answer: `received` documents, and `remaining` still to come by the server's count
   * (null when it does not count and the page was full, so more may follow).
   */
  reportPulled(
    collection: string,
    received: number,
    remaining: number | null,
    at = nowIso(),
  ): void {
    const download = this.downloads[collection];
    if (remaining === 0) {
      this.#receivedWhole.add(collection);
      if (this.#person) rememberReceivedWhole(this.#person, collection);
      if (download) {
        const { [collection]: _done, ...rest } = this.downloads;
        this.downloads = rest;
      }
    } else {
      this.downloads = {
        ...this.downloads,
        [collection]: afterAnswer(download ?? NOT_STARTED, received, remaining, Date.parse(at)),
      };
    }
    this.reportSuccess(at);
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
    this.pendingByKind = {};
    this.pending = 0;
    this.uncounted = [...names];
    this.counting = this.uncounted.length > 0;
    this.changed();
  }

  /** `counted`: false while this kind is still being counted (the number may still grow). */
  setPending(collection: string, count: number, counted = true): void {
    this.pendingByKind = { ...this.pendingByKind, [collection]: count };
    if (counted) this.uncounted = this.uncounted.filter((name) => name !== collection);
    if (this.uncounted.length === 0) this.counting = false;
    this.pending = Object.values(this.pendingByKind).reduce((sum, n) => sum + n, 0);
    this.changed();
  }

  /** Sync is about to be tried again now (a new sign-in, the network came back). */
  reportConnecting(): void {
    if (this.connection !== 'online') this.connection = 'connecting';
    this.changed();
  }

  reset(): void {
    this.connection = 'connecting';
    this.pendingByKind = {};
    this.pending = 0;
    this.refused = 0;
    this.conflicts = 0;
    this.lastProblem = null;
    this.lastSyncAt = readLastSync();
    this.downloads = {};
    this.downloadsKnown = false;
    this.#person = null;
    this.#receivedWhole.clear();
  }
}

/**
 * Whether this device has once received the whole collection for this person, as recorded
 * before any answer of this session: what a screen goes by until the syncing tab says.
 */
export function receivedWholeBefore(person: string, collection: string): boolean {
  return readReceivedWhole(person).includes(collection);
}

function readReceivedWhole(person: string): string[] {
  if (typeof localStorage === 'undefined') return [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECEIVED_WHOLE_KEY + person) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((name) => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

function rememberReceivedWhole(person: string, collection: string): void {
  const whole = readReceivedWhole(person);
  if (whole.includes(collection)) return;
  localStorage.setItem(RECEIVED_WHOLE_KEY + person, JSON.stringify([...whole, collection]));
}

function readLastSync(): string | null {
  if (typeof localStorage === 'undefined') return null;
  const raw = localStorage.getItem(LAST_SYNC_KEY);
  return raw && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

export const syncStatus = new SyncStatus();
