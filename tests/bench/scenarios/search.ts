import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Keystroke } from '../page/bench-api.ts';
import { closePage, openBenchPage } from '../browser.ts';
import { benchPatients, benchPatientsFile } from '../data.ts';
import { Random } from '../../fault/random.ts';
import { figure, type Figure } from '../report.ts';
import { summarize } from '../stats.ts';

export type SearchConfig = { sizes: number[]; names: number; warmupNames: number };

/** A receptionist typing family names letter by letter, the names picked with a fixed seed. */
function typing(familyNames: string[], count: number, random: Random): Keystroke[] {
  const keystrokes: Keystroke[] = [];
  for (let n = 0; n < count; n++) {
    const name = random.pick(familyNames).toLowerCase();
    for (let length = 1; length <= name.length; length++)
      keystrokes.push({ text: name.slice(0, length), complete: length === name.length });
  }
  return keystrokes;
}

/**
 * Search as you type, per keystroke, over `size` patients: the app's search path against a raw
 * IndexedDB prefix lookup on an index of the same folded family names, in the same page.
 */
export async function measureSearch(
  browser: Browser,
  options: { pageUrl: string; pageDir: string; cacheDir: string; config: SearchConfig },
): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const size of options.config.sizes) {
    const patients = benchPatients(size, options.cacheDir);
    mkdirSync(join(options.pageDir, 'data'), { recursive: true });
    copyFileSync(
      benchPatientsFile(size, options.cacheDir),
      join(options.pageDir, 'data', `patients-${size}.json`),
    );
    const familyNames = patients.map((p) => String(p.familyName));
    const random = new Random(20261127 + size);
    const warmup = typing(familyNames, options.config.warmupNames, random);
    const keystrokes = typing(familyNames, options.config.names, random);

    const page = await openBenchPage(browser, options.pageUrl);
    const run = await page.evaluate((input) => window.bench.search(input), {
      dataUrl: `./data/patients-${size}.json`,
      keystrokes,
      warmup,
    });
    await closePage(page);

    const app = summarize(run.appMs);
    const raw = summarize(run.rawMs);
    const label = `search per keystroke, ${size.toLocaleString('en-US')} patients`;
    const rawName = 'raw IndexedDB prefix lookup';
    figures.push(
      figure(`${label}: median`, 'ms', app.median, { name: rawName, value: raw.median }),
    );
    figures.push(
      figure(
        `${label}: p95`,
        'ms',
        app.p95,
        { name: rawName, value: raw.p95 },
        size >= 100_000
          ? (r) => ({ text: '≤ 2× raw at 100,000', met: r !== null && r <= 2 })
          : undefined,
      ),
    );
    figures.push(
      figure(
        `search index build, ${size.toLocaleString('en-US')} patients (once)`,
        'ms',
        run.prepareMs,
      ),
    );
    notes.push(
      `search over ${size.toLocaleString('en-US')}: ${run.appMs.length} keystrokes (${options.config.names} names typed letter by letter); a full family name listed someone of that name in ${run.found.app}/${run.found.complete} cases for the app, ${run.found.raw}/${run.found.complete} for the raw lookup (both show at most 100 rows).`,
    );
  }
  return { figures, notes };
}
