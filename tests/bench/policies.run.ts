/**
 * `node tests/bench/policies.run.ts [--quick]`: the policy benchmarks alone (they need no
 * server and no web build), as `pnpm bench` runs them among the others.
 */
import { launchChromium } from './browser.ts';
import { measurePolicies, POLICIES_FULL, POLICIES_QUICK } from './policies.ts';
import { formatTable } from './report.ts';

const quick = process.argv.includes('--quick');
const browser = await launchChromium();
try {
  const { figures, notes } = await measurePolicies(browser, quick ? POLICIES_QUICK : POLICIES_FULL);
  console.log(formatTable(figures));
  for (const note of notes) console.log(`- ${note}`);
} finally {
  await browser.close();
}
