import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOfflineFiles, type StoredFile } from './offline-plan.ts';

const sha = fc.constantFrom(...'abcdefghijkl'.split(''));
const stamp = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((s) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString());
const storedFiles = fc.uniqueArray(
  fc.record({ sha256: sha, size: fc.integer({ min: 0, max: 50 }), usedAt: stamp }),
  { selector: (f) => f.sha256 },
);
const wanted = fc.array(fc.record({ sha256: sha, size: fc.integer({ min: 0, max: 50 }) }), {
  maxLength: 8,
});
const input = fc.record({
  stored: storedFiles,
  unsynced: fc.uniqueArray(sha, { maxLength: 4 }),
  pinned: wanted,
  today: wanted,
  extraDocumentFiles: fc.uniqueArray(sha, { maxLength: 6 }),
  budgetBytes: fc.integer({ min: 0, max: 200 }),
  online: fc.boolean(),
});

describe('the offline plan, over random devices', () => {
  it('never evicts an unsynced or pinned file, and fits the budget whenever they do', () => {
    fc.assert(
      fc.property(input, (drawn) => {
        const stored: StoredFile[] = drawn.stored;
        const documentFiles = new Set([
          ...drawn.extraDocumentFiles,
          ...stored.filter((_, i) => i % 3 !== 0).map((f) => f.sha256),
        ]);
        const unsynced = new Set(drawn.unsynced);
        const plan = planOfflineFiles({
          stored,
          unsynced,
          pinned: drawn.pinned,
          today: drawn.today,
          documentFiles,
          budgetBytes: drawn.budgetBytes,
          online: drawn.online,
        });
        const here = new Set(stored.map((f) => f.sha256));
        const pinned = new Set(drawn.pinned.map((f) => f.sha256));
        for (const evicted of plan.evict) {
          expect(unsynced.has(evicted)).toBe(false);
          expect(pinned.has(evicted)).toBe(false);
          expect(plan.keep.has(evicted)).toBe(false);
          expect(here.has(evicted)).toBe(true);
        }
        // Every document file here is either kept or evicted; downloads are of files not here.
        for (const f of stored)
          if (documentFiles.has(f.sha256) || unsynced.has(f.sha256))
            expect(plan.keep.has(f.sha256) !== plan.evict.includes(f.sha256)).toBe(true);
        for (const d of plan.download) expect(here.has(d.sha256)).toBe(false);
        if (!drawn.online) expect(plan.download).toEqual([]);
        // What is kept and fetched is exactly what the plan says it uses.
        const sizeOf = new Map([
          ...drawn.today.map((f) => [f.sha256, f.size] as const),
          ...drawn.pinned.map((f) => [f.sha256, f.size] as const),
        ]);
        const kept = stored.filter((f) => plan.keep.has(f.sha256)).reduce((s, f) => s + f.size, 0);
        const fetched = plan.download.reduce((s, d) => s + d.size, 0);
        expect(kept + fetched).toBe(plan.usedBytes);
        expect(new Set(plan.download.map((d) => d.sha256)).size).toBe(plan.download.length);
        for (const d of plan.download) expect(sizeOf.has(d.sha256)).toBe(true);
        if (!plan.overBudget) expect(plan.usedBytes).toBeLessThanOrEqual(drawn.budgetBytes);
        else expect(plan.essentialBytes).toBeGreaterThan(drawn.budgetBytes);
      }),
      { seed: 1209, numRuns: 500 },
    );
  });
});
