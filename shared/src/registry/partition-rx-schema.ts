import type { z } from 'zod';
import { toRxJsonSchema } from '../sync/rx-json-schema.ts';
import type { PartitionDeclaration } from './partition.ts';
import { KIND_SCHEMAS } from './kind-schemas.ts';
import { PARTITIONS, type KindName, type PartitionName } from './partitions.ts';

/** A partition's RxDB schema as the device opens it. */
export type RxPartitionSchema = {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
};

/**
 * The RxDB (JSON Schema) form of a partition, made from the zod schemas of its kinds. The device
 * opens the generated copy of this (`rx-schemas/`, ADR 14), so that its first screen loads no
 * zod; rx-schemas.test.ts fails when the two drift.
 */
export function partitionRxSchema(partition: PartitionName): RxPartitionSchema {
  const declaration = PARTITIONS[partition];
  const kinds = Object.keys(declaration.kinds) as KindName[];
  return rxSchemaOf(
    partition,
    declaration,
    kinds.map((kind) => [kind, KIND_SCHEMAS[kind]] as const),
  );
}

/**
 * Every field any kind has (a field two kinds share must have one form; `kind` names one of the
 * kinds), required where every kind requires it. An index may only name fields every kind
 * requires: RxDB's Dexie storage refuses others (DXE1), since IndexedDB leaves a record without
 * the field out of the index, and a query by it would miss the record.
 */
export function rxSchemaOf(
  partition: string,
  declaration: Pick<PartitionDeclaration, 'version' | 'indexes'>,
  kinds: readonly (readonly [string, z.ZodType])[],
): RxPartitionSchema {
  const forms = kinds.map(([kind, schema]) => ({ kind, ...toRxJsonSchema(schema) }));
  const properties: Record<string, unknown> = {};
  for (const form of forms)
    for (const [field, schema] of Object.entries(form.properties)) {
      const known = properties[field];
      if (
        field !== 'kind' &&
        known !== undefined &&
        JSON.stringify(known) !== JSON.stringify(schema)
      )
        throw new Error(
          `${partition}: the field ${field} of ${form.kind} differs from another kind's; give it one form or another name`,
        );
      properties[field] = schema;
    }
  // Bounded, so that a partition's queries of one kind can go by an index (as RxDB needs).
  if (kinds.length > 1)
    properties.kind = {
      type: 'string',
      enum: kinds.map(([kind]) => kind),
      maxLength: Math.max(...kinds.map(([kind]) => kind.length)),
    };
  const required = (forms[0]?.required ?? []).filter((field) =>
    forms.every((form) => form.required.includes(field)),
  );
  const indexes = declaration.indexes.map((index) =>
    typeof index === 'string' ? index : [...index],
  );
  for (const field of indexes.flat())
    if (!required.includes(field))
      throw new Error(
        `${partition}: the index field ${field} is not required by every kind; index only fields all its kinds have`,
      );
  return {
    title: partition,
    version: declaration.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required,
    indexes,
  };
}
