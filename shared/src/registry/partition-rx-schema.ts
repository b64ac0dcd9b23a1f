import { toRxJsonSchema } from '../sync/rx-json-schema.ts';
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
 * The RxDB (JSON Schema) form of a partition, made from the zod schemas of its kinds: every
 * field any kind has (a field two kinds share must have one form), required where every kind
 * requires it. The device opens the generated copy of this (`rx-schemas/`, ADR 14), so that its
 * first screen loads no zod; rx-schemas.test.ts fails when the two drift.
 */
export function partitionRxSchema(partition: PartitionName): RxPartitionSchema {
  const declaration = PARTITIONS[partition];
  const kinds = Object.keys(declaration.kinds) as KindName[];
  const forms = kinds.map((kind) => toRxJsonSchema(KIND_SCHEMAS[kind]));
  const properties: Record<string, unknown> = {};
  for (const [index, form] of forms.entries())
    for (const [field, schema] of Object.entries(form.properties)) {
      const known = properties[field];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(schema))
        throw new Error(
          `${partition}: the field ${field} of ${kinds[index]} differs from another kind's; give it one form or another name`,
        );
      properties[field] = schema;
    }
  const required = (forms[0]?.required ?? []).filter((field) =>
    forms.every((form) => form.required.includes(field)),
  );
  return {
    title: partition,
    version: declaration.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required,
    indexes: declaration.indexes.map((index) => (typeof index === 'string' ? index : [...index])),
  };
}
