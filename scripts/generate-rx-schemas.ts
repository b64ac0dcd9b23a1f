/**
 * Writes shared/src/registry/rx-schemas/: the RxDB (JSON Schema) form of every sync partition,
 * one file each, made from the zod schemas of its kinds (`partitionRxSchema`). The device opens
 * its database with the written files, so the app's first screen does not load zod (ADR 14);
 * rx-schemas.test.ts fails whenever the files and the zod schemas disagree. Run with
 * `pnpm run generate:rx-schemas` after changing a kind's schema (and give its partition a new
 * version with a migration: RxDB refuses to open a device's database whose schema changed under
 * the same version).
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { partitionRxSchema } from '../shared/src/registry/partition-rx-schema.ts';
import { PARTITION_NAMES } from '../shared/src/registry/partitions.ts';

const folder = new URL('../shared/src/registry/rx-schemas/', import.meta.url);
const HEADER =
  '// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.';

async function write(file: string, source: string) {
  const target = fileURLToPath(new URL(file, folder));
  const options = await resolveConfig(target);
  writeFileSync(target, await format(source, { ...options, filepath: target }));
  console.log(`written ${target}`);
}

const constName = (partition: string) =>
  `${partition.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_RX_SCHEMA`;

// A partition that left the registry leaves no stale file behind.
for (const file of readdirSync(folder))
  if (
    file.endsWith('.ts') &&
    file !== 'index.ts' &&
    !PARTITION_NAMES.includes(file.slice(0, -3) as never)
  )
    rmSync(new URL(file, folder));

for (const partition of PARTITION_NAMES)
  await write(
    `${partition}.ts`,
    `${HEADER}
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The \`${partition}\` partition as the device opens it (from \`partitionRxSchema('${partition}')\`). */
export const ${constName(partition)}: RxPartitionSchema = ${JSON.stringify(partitionRxSchema(partition))};
`,
  );

await write(
  'index.ts',
  `${HEADER}
import type { RxPartitionSchema } from '../partition-rx-schema.ts';
import type { PartitionName } from '../partitions.ts';
${PARTITION_NAMES.map((p) => `import { ${constName(p)} } from './${p}.ts';`).join('\n')}

/**
 * Every partition's RxDB schema, generated from the zod schemas of its kinds so that the
 * device's database opens without zod (ADR 14). rx-schemas.test.ts checks that they still agree.
 */
export const RX_SCHEMAS: Record<PartitionName, RxPartitionSchema> = {
${PARTITION_NAMES.map((p) => `  ${p}: ${constName(p)},`).join('\n')}
};
`,
);
