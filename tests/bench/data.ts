import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { generateDemoPatients } from '@clinicdesk/sync-server/demo/demo-patients.ts';

/** Registration times of the synthetic patients are spread over the three years before this. */
const BENCH_EPOCH = new Date('2026-06-01T00:00:00Z');

const GENERATOR = fileURLToPath(
  new URL('../../sync-server/src/demo/demo-patients.ts', import.meta.url),
);

/** Changes whenever the generator does, so a cached data set is never stale. */
function generatorVersion(): string {
  return createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 12);
}

/** Where the data set of `count` patients is cached (the search benchmark serves it as is). */
export function benchPatientsFile(count: number, cacheDir: string): string {
  return join(cacheDir, `patients-${count}-${generatorVersion()}.json`);
}

/**
 * `count` synthetic patients from the demo clinic's seeded generator (faker, fixed seed): the
 * same people on every run and every machine. Cached as JSON, since 100,000 take a while.
 */
export function benchPatients(count: number, cacheDir: string): WireDocument[] {
  const file = benchPatientsFile(count, cacheDir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as WireDocument[];
  const patients = generateDemoPatients(count, BENCH_EPOCH);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(patients));
  return patients;
}
