import type { Browser, Page } from '@playwright/test';
import { closePage, openBenchPage } from '../browser.ts';
import { Random } from '../../fault/random.ts';
import { letters } from '../../fault/workload.ts';
import { figure, type Figure } from '../report.ts';
import { summarize } from '../stats.ts';
import { FRONT_DESK } from '../../support/demo-logins.ts';

export type IncrementalConfig = { edits: number; warmup: number };

type Pair = {
  watch: (id: string, value: string) => Promise<void>;
  edit: (id: string, value: string) => Promise<number>;
  seen: () => Promise<number>;
  pages: Page[];
};

async function clinicPair(browser: Browser, pageUrl: string, expected: number): Promise<Pair> {
  const [a, b] = await Promise.all([
    openBenchPage(browser, pageUrl),
    openBenchPage(browser, pageUrl),
  ]);
  for (const tablet of [a, b]) {
    await tablet.evaluate((credentials) => window.bench.signIn(credentials), FRONT_DESK);
    await tablet.evaluate((input) => window.bench.startLiveDevice(input), { expected });
  }
  return {
    watch: (id, value) => b.evaluate((input) => window.bench.watchFor(input), { id, value }),
    edit: (id, value) => a.evaluate((input) => window.bench.editMiddleName(input), { id, value }),
    seen: () => b.evaluate(() => window.bench.seenAt()),
    pages: [a, b],
  };
}

async function pouchPair(
  browser: Browser,
  pageUrl: string,
  database: string,
  ids: string[],
  expected: number,
): Promise<Pair> {
  const [a, b] = await Promise.all([
    openBenchPage(browser, pageUrl),
    openBenchPage(browser, pageUrl),
  ]);
  await a.evaluate((input) => window.bench.startPouchDevice(input), {
    database,
    role: 'editor' as const,
    ids,
    expected,
  });
  await b.evaluate((input) => window.bench.startPouchDevice(input), {
    database,
    role: 'watcher' as const,
    ids,
    expected,
  });
  return {
    watch: (id, value) => b.evaluate((input) => window.bench.pouchWatchFor(input), { id, value }),
    edit: (id, value) =>
      a.evaluate((input) => window.bench.pouchEditMiddleName(input), { id, value }),
    seen: () => b.evaluate(() => window.bench.seenAt()),
    pages: [a, b],
  };
}

async function once(pair: Pair, id: string, value: string): Promise<number> {
  await pair.watch(id, value);
  const savedAt = await pair.edit(id, value);
  return (await pair.seen()) - savedAt;
}

/**
 * An edit saved on tablet A until tablet B's database has it (two browser contexts, each with
 * the app's replication and live stream): A's save → push → the server's change event on B's
 * stream → B's pull → B's local write, as B's patient list would see it. The baseline is the
 * same with PouchDB devices in live replication with the PouchDB server (longpoll `_changes`);
 * the two alternate edit by edit.
 */
export async function measureIncrementalSync(
  browser: Browser,
  options: {
    clinicPageUrl: string;
    pouchPageUrl: string;
    pouchDatabase: string;
    patientIds: string[];
    config: IncrementalConfig;
  },
): Promise<Figure[]> {
  const random = new Random(6);
  const total = options.config.warmup + options.config.edits;
  const ids = Array.from({ length: total }, () => random.pick(options.patientIds));
  const expected = options.patientIds.length;
  const clinic = await clinicPair(browser, options.clinicPageUrl, expected);
  const pouch = await pouchPair(
    browser,
    options.pouchPageUrl,
    options.pouchDatabase,
    [...new Set(ids)],
    expected,
  );
  const clinicMs: number[] = [];
  const pouchMs: number[] = [];
  for (const [i, id] of ids.entries()) {
    const value = `Bench ${letters(i)}`;
    const app = await once(clinic, id, value);
    const baseline = await once(pouch, id, value);
    if (i >= options.config.warmup) {
      clinicMs.push(app);
      pouchMs.push(baseline);
    }
  }
  for (const page of [...clinic.pages, ...pouch.pages]) await closePage(page);
  const app = summarize(clinicMs);
  const base = summarize(pouchMs);
  const baseName = 'PouchDB live replication via the PouchDB server';
  return [
    figure(
      `edit on tablet A shown on tablet B (live): median of ${clinicMs.length}`,
      'ms',
      app.median,
      { name: baseName, value: base.median },
    ),
    figure('edit on tablet A shown on tablet B (live): p95', 'ms', app.p95, {
      name: baseName,
      value: base.p95,
    }),
  ];
}
