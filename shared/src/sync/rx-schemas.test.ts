import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from './collection-names.ts';
import { REPLICATED_COLLECTIONS } from './collections.ts';
import { RX_SCHEMAS } from './rx-schemas.ts';

describe('RX_SCHEMAS (generated: pnpm run generate:rx-schemas)', () => {
  it.each(COLLECTION_NAMES)(
    '%s: equals the RxDB schema its zod schema gives (regenerate after a schema change)',
    (name) => {
      expect(RX_SCHEMAS[name]).toEqual(REPLICATED_COLLECTIONS[name].rxSchema());
    },
  );

  it('covers exactly the replicated collections', () => {
    expect(Object.keys(RX_SCHEMAS).sort()).toEqual([...COLLECTION_NAMES].sort());
  });
});
