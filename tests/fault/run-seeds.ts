/**
 * Runs the fault suite over fresh random seeds, one after another, printing each seed before it
 * runs so a failure replays with `FAULT_SEED=<seed>`: the search for new counterexamples, by hand
 * (CI runs the fixed seeds of known-seeds.ts).
 *
 *   pnpm run fault:seeds                     10 random seeds, scale 3, every store
 *   pnpm run fault:seeds -- --runs 20 --scale 1
 *   pnpm run fault:seeds -- --seeds 7,11,13  these seeds instead of random ones
 *
 * PostgreSQL runs too when TEST_DATABASE_URL is set. A seed that fails becomes a fixed case:
 * add it to KNOWN_FAILED_SEEDS in known-seeds.ts (and, once understood, a named test that orders
 * its events, as in lost-answer.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

type Options = { seeds: number[]; scale: number };

function readOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const whole = (raw: string | undefined, fallback: number, flag: string): number => {
    if (raw === undefined) return fallback;
    if (!/^\d{1,10}$/.test(raw)) throw new Error(`${flag} takes a whole number (got ${raw})`);
    return Number(raw);
  };
  const listed = value('--seeds');
  const seeds = listed
    ? listed.split(',').map((seed) => whole(seed.trim(), 0, '--seeds'))
    : Array.from({ length: whole(value('--runs'), 10, '--runs') }, () => randomInt(1, 2 ** 31));
  return { seeds, scale: Math.max(1, whole(value('--scale'), 3, '--scale')) };
}

const { seeds, scale } = readOptions(process.argv.slice(2));
const failed: number[] = [];
console.log(`fault suite over ${seeds.length} seeds at FAULT_SCALE=${scale}: ${seeds.join(', ')}`);
for (const [index, seed] of seeds.entries()) {
  console.log(`\n── seed ${seed} (${index + 1} of ${seeds.length}) · replay with FAULT_SEED=${seed} FAULT_SCALE=${scale}`); // prettier-ignore
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'fault', 'fault/convergence.test.ts'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, FAULT_SEED: String(seed), FAULT_SCALE: String(scale) },
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  // The figures the suite prints, one line each per store (colour codes taken off: Vitest puts
  // them before the first line of each test's output).
  const figure = /^FAULT \S+ (seed|writes|server kills|acknowledged writes lost|devices divergent|conflicts dropped|files missing|rows refused by the server|duration ms) =/; // prettier-ignore
  for (const line of stripVTControlCharacters(output).split('\n'))
    if (figure.test(line)) console.log(`  ${line}`);
  if (run.status === 0) console.log(`  seed ${seed}: passed`);
  else {
    failed.push(seed);
    console.log(output.split('\n').slice(-40).join('\n'));
    console.log(`  seed ${seed}: FAILED (exit ${run.status ?? run.signal})`);
  }
}
console.log(
  failed.length === 0
    ? `\nall ${seeds.length} seeds passed at FAULT_SCALE=${scale}`
    : `\n${failed.length} of ${seeds.length} seeds failed: ${failed.join(', ')} — add them to KNOWN_FAILED_SEEDS (tests/fault/known-seeds.ts)`,
);
process.exit(failed.length === 0 ? 0 : 1);
