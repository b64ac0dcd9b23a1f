import { describe, expect, it } from 'vitest';
import { partitionRxSchema } from './partition-rx-schema.ts';
import { PARTITION_NAMES } from './partitions.ts';
import { RX_SCHEMAS } from './rx-schemas/index.ts';

describe('RX_SCHEMAS (generated: pnpm run generate:rx-schemas)', () => {
  it.each(PARTITION_NAMES)(
    '%s: equals the RxDB schema its kinds’ zod schemas give (regenerate after a schema change)',
    (name) => {
      expect(RX_SCHEMAS[name]).toEqual(partitionRxSchema(name));
    },
  );

  it('covers exactly the partitions of the registry', () => {
    expect(Object.keys(RX_SCHEMAS).sort()).toEqual([...PARTITION_NAMES].sort());
  });

  it('indexes only fields every kind of the partition requires (RxDB refuses others)', () => {
    for (const name of PARTITION_NAMES) {
      const { indexes, required } = RX_SCHEMAS[name];
      for (const field of indexes.flat()) expect(required, `${name}: ${field}`).toContain(field);
    }
  });
});
