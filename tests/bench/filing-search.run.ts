/**
 * `node tests/bench/filing-search.run.ts [--quick]`: the filing search benchmark alone (it needs
 * no server and no web build), as `pnpm bench` runs it among the others.
 */
import { launchChromium } from './browser.ts';
import { measureFilingSearch } from './filing-search.ts';
import { formatTable } from './report.ts';

const quick = process.argv.includes('--quick');
const browser = await launchChromium();
try {
  const { figures, notes } = await measureFilingSearch(
    browser,
    quick
      ? { documents: 2_000, keystrokes: 100, warmup: 10 }
      : { documents: 10_000, keystrokes: 300, warmup: 20 },
  );
  console.log(formatTable(figures));
  for (const note of notes) console.log(`- ${note}`);
} finally {
  await browser.close();
}
