import { describe, it } from 'vitest';
import { STORES, type StoreVariant } from './stores.ts';

/**
 * `describe` once per server store. A store that cannot run here (PostgreSQL without
 * TEST_DATABASE_URL) is skipped with the reason on a developer's machine, and fails in CI: a
 * green CI run must mean the suite ran on every store.
 */
export function describeEachStore(name: string, body: (store: StoreVariant) => void): void {
  for (const store of STORES) {
    const title = `${name} (${store.name})`;
    const unavailable = store.unavailable();
    if (unavailable && process.env.CI) {
      describe(title, () => {
        it('has a database to run against', () => {
          throw new Error(`${store.name}: ${unavailable}; the fault suite must run on it in CI`);
        });
      });
      continue;
    }
    if (unavailable) console.warn(`Skipping "${title}": ${unavailable}`);
    describe.skipIf(unavailable !== null)(title, () => body(store));
  }
}
