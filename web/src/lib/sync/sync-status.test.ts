import { beforeEach, describe, expect, it } from 'vitest';
import { SyncStatus } from './sync-status.svelte.ts';

const store = new Map<string, string>();
globalThis.localStorage = {
  getItem: (key: string) => store.get(key) ?? null,
  setItem: (key: string, value: string) => void store.set(key, value),
  removeItem: (key: string) => void store.delete(key),
  clear: () => store.clear(),
  key: () => null,
  length: 0,
};

describe('SyncStatus', () => {
  beforeEach(() => store.clear());

  it('counts a failing sync as offline, whatever the browser thinks', () => {
    const status = new SyncStatus();
    status.reportSuccess('2026-11-26T10:00:00.000Z');
    expect(status.connection).toBe('online');
    status.reportFailure({ ok: false, kind: 'network', message: 'The server cannot be reached' });
    expect(status.connection).toBe('offline');
    expect(status.lastSyncAt).toBe('2026-11-26T10:00:00.000Z');
  });

  it('tells a lost session and an outdated app apart from an outage', () => {
    const status = new SyncStatus();
    status.reportFailure({
      ok: false,
      kind: 'api',
      status: 401,
      code: 'unauthenticated',
      message: 'Sign in',
    });
    expect(status.connection).toBe('signed-out');
    // A heartbeat does not hide that the session is gone.
    status.reportLive('2026-11-26T10:05:00.000Z');
    expect(status.connection).toBe('signed-out');
    status.reportFailure({
      ok: false,
      kind: 'api',
      status: 426,
      code: 'update-required',
      message: 'Update',
    });
    expect(status.connection).toBe('update-required');
  });

  it('asks for a fresh sign-in when the session belongs to another device id', () => {
    // This browser's stored device id changed while its cookie stayed: not an outage.
    const status = new SyncStatus();
    status.reportFailure({
      ok: false,
      kind: 'api',
      status: 401,
      code: 'session-on-another-device',
      message: 'This sign-in belongs to another device',
    });
    expect(status.connection).toBe('signed-out');
  });

  it('adds up pending changes across collections', () => {
    const status = new SyncStatus();
    status.setPending('patients', 2);
    status.setPending('documents', 3);
    status.setPending('patients', 0);
    expect(status.pending).toBe(3);
  });

  it('moves the last sync time on a heartbeat only when nothing is pending', () => {
    const status = new SyncStatus();
    status.setPending('patients', 1);
    status.reportLive('2026-11-26T10:00:00.000Z');
    expect(status.lastSyncAt).toBeNull();
    status.setPending('patients', 0);
    status.reportLive('2026-11-26T10:01:00.000Z');
    expect(status.lastSyncAt).toBe('2026-11-26T10:01:00.000Z');
  });

  it('is still counting, and claims no sync, until every kind of unsynced change is counted', () => {
    const status = new SyncStatus();
    status.expectCounts(['patients', 'visits', 'uploads']);
    expect(status.counting).toBe(true);
    status.setPending('patients', 0);
    status.setPending('uploads', 0);
    // The first pages of the visits, read so far: still counting.
    status.setPending('visits', 1, false);
    expect(status.counting).toBe(true);
    expect(status.pending).toBe(1);
    // The visits are not all counted yet: a heartbeat must not say this device is in step.
    status.reportLive('2026-11-26T10:00:00.000Z');
    expect(status.counting).toBe(true);
    expect(status.lastSyncAt).toBeNull();
    status.setPending('visits', 2);
    expect(status.counting).toBe(false);
    expect(status.pending).toBe(2);

    // A new start (another sign-in in this page) counts afresh.
    status.expectCounts(['patients']);
    expect(status.counting).toBe(true);
    expect(status.pending).toBe(0);
  });

  it('is downloading, and claims no sync, until each collection has come down whole once', () => {
    const status = new SyncStatus();
    const at = (s: number) => `2026-11-26T10:00:${String(s).padStart(2, '0')}.000Z`;
    status.expectDownloads('rosa', ['patients', 'visits']);
    expect(status.downloadsKnown).toBe(true);
    // Before any answer: downloading, nothing counted yet.
    expect(status.download('patients')).toEqual({ received: 0, total: null, secondsLeft: null });
    status.reportPulled('visits', 12, 0, at(1));
    status.reportPulled('patients', 1000, 2000, at(2));
    expect(status.download('visits')).toBeNull();
    expect(status.download('patients')).toEqual({ received: 1000, total: 3000, secondsLeft: null });
    // Answers and heartbeats while it downloads: online, but never "synced".
    status.reportLive(at(3));
    expect(status.connection).toBe('online');
    expect(status.lastSyncAt).toBeNull();
    // A second page gives a rate: 1,000 in 4 s, so 1,000 more in about 4 s.
    status.reportPulled('patients', 1000, 1000, at(6));
    expect(status.downloading).toEqual({ received: 2000, total: 3000, secondsLeft: 4 });
    status.reportPulled('patients', 1000, 0, at(10));
    expect(status.downloading).toBeNull();
    expect(status.lastSyncAt).toBe(at(10));

    // The next sign-in of the same person here starts in step; another person's does not.
    const later = new SyncStatus();
    later.expectDownloads('rosa', ['patients', 'visits']);
    expect(later.downloading).toBeNull();
    later.expectDownloads('sam', ['patients']);
    expect(later.download('patients')).not.toBeNull();
  });

  it('keeps an answer that came before the syncing tab said what it downloads', () => {
    const status = new SyncStatus();
    status.reportPulled('visits', 3, 0, '2026-11-26T10:00:00.000Z');
    status.reportPulled('patients', 1000, 500, '2026-11-26T10:00:01.000Z');
    status.expectDownloads('rosa', ['patients', 'visits']);
    expect(status.download('visits')).toBeNull();
    expect(status.download('patients')?.total).toBe(1500);
  });

  it('catches up after a long time offline: a full page with more to come is a download too', () => {
    const status = new SyncStatus();
    status.reportPulled('patients', 10, 0, '2026-11-26T10:00:00.000Z');
    status.expectDownloads('rosa', ['patients']);
    // The server does not count (an older one): a full page only says more may follow.
    status.reportPulled('patients', 1000, null, '2026-11-27T08:00:00.000Z');
    expect(status.download('patients')).toEqual({ received: 1000, total: null, secondsLeft: null });
    expect(status.lastSyncAt).toBe('2026-11-26T10:00:00.000Z');
    status.reportPulled('patients', 20, 0, '2026-11-27T08:00:02.000Z');
    expect(status.downloading).toBeNull();
    expect(status.lastSyncAt).toBe('2026-11-27T08:00:02.000Z');
  });

  it('remembers the last sync across a reload', () => {
    new SyncStatus().reportSuccess('2026-11-26T09:00:00.000Z');
    expect(new SyncStatus().lastSyncAt).toBe('2026-11-26T09:00:00.000Z');
  });
});
