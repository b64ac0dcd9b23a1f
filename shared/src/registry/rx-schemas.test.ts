import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { partitionRxSchema, rxSchemaOf } from './partition-rx-schema.ts';
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

  it('indexes only fields every kind of the partition requires (Dexie refuses others, DXE1)', () => {
    for (const name of PARTITION_NAMES) {
      const { indexes, required } = RX_SCHEMAS[name];
      for (const field of indexes.flat()) expect(required, `${name}: ${field}`).toContain(field);
    }
  });
});

describe('a partition of several kinds', () => {
  const base = { id: z.string().max(36), createdAt: z.string().max(30) };
  const category = z.strictObject({ ...base, kind: z.literal('category'), name: z.string().max(80) }); // prettier-ignore
  const filed = z.strictObject({ ...base, kind: z.literal('filedDocument'), title: z.string().max(200), name: z.string().max(80).optional() }); // prettier-ignore

  it('has every field of every kind, one `kind` naming them all, and requires what all require', () => {
    const schema = rxSchemaOf('filing', { version: 0, indexes: ['createdAt'] }, [['category', category], ['filedDocument', filed]]); // prettier-ignore
    expect(Object.keys(schema.properties).sort()).toEqual([
      'createdAt',
      'id',
      'kind',
      'name',
      'title',
    ]);
    expect(schema.properties.kind).toEqual({ type: 'string', enum: ['category', 'filedDocument'], maxLength: 13 }); // prettier-ignore
    expect(schema.required.sort()).toEqual(['createdAt', 'id', 'kind']);
  });

  it('refuses an index on a field some kind may lack, and a field two kinds give different forms', () => {
    expect(() => rxSchemaOf('filing', { version: 0, indexes: [['title', 'id']] }, [['category', category], ['filedDocument', filed]])).toThrow(/title is not required by every kind/); // prettier-ignore
    const other = z.strictObject({ ...base, kind: z.literal('tag'), name: z.number() });
    expect(() => rxSchemaOf('filing', { version: 0, indexes: [] }, [['category', category], ['tag', other]])).toThrow(/field name of tag differs/); // prettier-ignore
  });
});
