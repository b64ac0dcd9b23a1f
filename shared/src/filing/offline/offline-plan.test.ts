import { describe, expect, it } from 'vitest';
import { type OfflinePlanInput, planOfflineFiles, type StoredFile } from './offline-plan.ts';

const MB = 1_000_000;
const file = (sha256: string, mb: number, usedAt = '2026-03-01T09:00:00.000Z'): StoredFile => ({
  sha256,
  size: mb * MB,
  usedAt,
});
const plan = (input: Partial<OfflinePlanInput>) =>
  planOfflineFiles({
    stored: [],
    unsynced: new Set(),
    pinned: [],
    today: [],
    documentFiles: new Set(input.stored?.map((f) => f.sha256) ?? []),
    budgetBytes: 10 * MB,
    online: true,
    ...input,
  });

describe('what the device keeps for an outage', () => {
  it('keeps everything when it fits, each with why', () => {
    const result = plan({
      stored: [file('a', 1), file('b', 1), file('c', 1), file('d', 1)],
      unsynced: new Set(['a']),
      pinned: [{ sha256: 'b', size: MB }],
      today: [{ sha256: 'c', size: MB }],
    });
    expect(Object.fromEntries(result.keep)).toEqual({
      a: 'unsynced',
      b: 'pinned',
      c: 'today',
      d: 'recently-used',
    });
    expect(result.evict).toEqual([]);
    expect(result.usedBytes).toBe(4 * MB);
  });

  it('evicts the least recently used first, until what is left fits', () => {
    const result = plan({
      budgetBytes: 5 * MB,
      stored: [
        file('newest', 2, '2026-03-05T09:00:00.000Z'),
        file('oldest', 2, '2026-01-01T09:00:00.000Z'),
        file('middle', 2, '2026-02-01T09:00:00.000Z'),
      ],
    });
    expect(result.evict).toEqual(['oldest']);
    expect(result.usedBytes).toBe(4 * MB);
  });

  it('fetches today’s patients’ documents before keeping older reading, evicting it for them', () => {
    const result = plan({
      budgetBytes: 4 * MB,
      stored: [file('read-last-week', 3)],
      documentFiles: new Set(['read-last-week', 'todays-referral']),
      today: [{ sha256: 'todays-referral', size: 2 * MB }],
    });
    expect(result.download).toEqual([{ sha256: 'todays-referral', size: 2 * MB, reason: 'today' }]); // prettier-ignore
    expect(result.evict).toEqual(['read-last-week']);
  });

  it('skips a document of today’s that does not fit and takes a smaller one after it', () => {
    const result = plan({
      budgetBytes: 3 * MB,
      today: [
        { sha256: 'big', size: 5 * MB },
        { sha256: 'small', size: MB },
      ],
    });
    expect(result.download.map((d) => d.sha256)).toEqual(['small']);
  });

  it('never evicts an unsynced or pinned file, and says when they alone exceed the budget', () => {
    const result = plan({
      budgetBytes: 3 * MB,
      stored: [file('scan-not-uploaded', 2), file('pinned', 2), file('other', 1)],
      unsynced: new Set(['scan-not-uploaded']),
      pinned: [{ sha256: 'pinned', size: 2 * MB }],
    });
    expect(result.keep.get('scan-not-uploaded')).toBe('unsynced');
    expect(result.keep.get('pinned')).toBe('pinned');
    expect(result.evict).toEqual(['other']);
    expect(result).toMatchObject({ overBudget: true, essentialBytes: 4 * MB });
  });

  it('offline, fetches nothing, names the pinned files it lacks and evicts nothing for them', () => {
    const result = plan({
      online: false,
      budgetBytes: 3 * MB,
      stored: [file('here', 2)],
      documentFiles: new Set(['here', 'pinned-elsewhere', 'today']),
      pinned: [{ sha256: 'pinned-elsewhere', size: 2 * MB }],
      today: [{ sha256: 'today', size: 2 * MB }],
    });
    expect(result.download).toEqual([]);
    expect(result.missing).toEqual([{ sha256: 'pinned-elsewhere', size: 2 * MB }]);
    expect(result.evict).toEqual([]);
  });

  it('leaves files no document points at (a patient’s photo) alone', () => {
    const result = plan({
      budgetBytes: MB,
      stored: [file('photo', 5), file('doc', 2)],
      documentFiles: new Set(['doc']),
    });
    expect(result.evict).toEqual(['doc']);
    expect(result.keep.has('photo')).toBe(false);
    expect(result.usedBytes).toBe(0);
  });
});
