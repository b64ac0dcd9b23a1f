import { describe, expect, it } from 'vitest';
import { COLLECTION_ACCESS } from '../auth/permissions.ts';
import { COLLECTION_NAMES } from './collection-names.ts';
import { MAX_PARTITIONS, PARTITION_PLAN } from './partition-plan.ts';

describe('the partition plan (ADR 15)', () => {
  it('stays within the collections a tab may open, planned and replicated', () => {
    expect(PARTITION_PLAN.length).toBeLessThanOrEqual(MAX_PARTITIONS);
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(MAX_PARTITIONS);
    expect(new Set(PARTITION_PLAN.map((p) => p.name)).size).toBe(PARTITION_PLAN.length);
  });

  it('has a place for every replicated collection: a partition, or one it is folded into', () => {
    const placed = new Set(PARTITION_PLAN.flatMap((p) => [p.name, ...(p.absorbs ?? [])]));
    for (const name of COLLECTION_NAMES) expect(placed, name).toContain(name);
  });

  it('gives each partition that exists the readers the permission table gives it', () => {
    for (const partition of PARTITION_PLAN) {
      const existing = COLLECTION_ACCESS[partition.name as keyof typeof COLLECTION_ACCESS];
      if (!existing) continue;
      expect([...partition.read].sort(), partition.name).toEqual([...existing.read].sort());
      for (const absorbed of partition.absorbs ?? []) {
        const folded = COLLECTION_ACCESS[absorbed as keyof typeof COLLECTION_ACCESS];
        expect([...folded.read].sort(), absorbed).toEqual([...existing.read].sort());
      }
    }
  });
});
