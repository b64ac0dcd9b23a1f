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

/** A small deterministic generator (mulberry32) for picking names and orders. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number as letters (0 → "a", 26 → "ba"), for names that pass the form's letters-only rule. */
export function lettersFor(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}
