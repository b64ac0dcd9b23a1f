/**
 * Writes shared/src/sync/rx-schemas.ts: the RxDB (JSON Schema) form of every replicated
 * collection, derived from its zod schema. The device opens its database with the written file,
 * so the app's first screen does not load zod (ADR 14); rx-schemas.test.ts fails whenever the
 * file and the zod schemas disagree. Run with `pnpm run generate:rx-schemas` after changing a
 * collection's schema (and give the collection a new version with a migration: RxDB refuses to
 * open a device's database whose schema changed under the same version).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { REPLICATED_COLLECTIONS } from '../shared/src/sync/collections.ts';

const target = fileURLToPath(new URL('../shared/src/sync/rx-schemas.ts', import.meta.url));

const schemas = Object.fromEntries(
  Object.entries(REPLICATED_COLLECTIONS).map(([name, { rxSchema }]) => [name, rxSchema()]),
);
const source = `// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { CollectionName } from './collection-names.ts';

/** A collection's RxDB schema as the device opens it (what the \`*RxSchema()\` functions return). */
export type RxCollectionSchema = {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
};

/**
 * The RxDB (JSON Schema) form of every replicated collection, generated from its zod schema
 * (\`patientRxSchema\`, \`chartMergeRxSchema\`, \`visitRxSchema\`) so that the device's database
 * opens without zod (ADR 14). rx-schemas.test.ts checks that it still equals them.
 */
export const RX_SCHEMAS: Record<CollectionName, RxCollectionSchema> = ${JSON.stringify(schemas)};
`;
const options = await resolveConfig(target);
writeFileSync(target, await format(source, { ...options, filepath: target }));
console.log(`written ${target}`);
