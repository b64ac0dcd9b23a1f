import type { Browser } from '@playwright/test';
import { closePage, openBenchPage } from '../browser.ts';
import { figure, type Figure } from '../report.ts';
import { median } from '../stats.ts';
import { FRONT_DESK } from '../../support/demo-logins.ts';

export type FirstSyncConfig = { rounds: number };

/**
 * A new device's first sync of every patient on the server, each round on fresh browser
 * contexts (empty storage): the app's replication into its database; the same documents
 * written with one raw strict IndexedDB transaction (fetched beforehand, untimed); and
 * PouchDB in the browser replicating them from the PouchDB server.
 */
export async function measureFirstSync(
  browser: Browser,
  options: {
    clinicPageUrl: string;
    pouchPageUrl: string;
    pouchDatabase: string;
    patients: number;
    config: FirstSyncConfig;
  },
): Promise<{ figures: Figure[]; notes: string[] }> {
  const app: number[] = [];
  const raw: number[] = [];
  const pouch: number[] = [];
  const expected = options.patients;
  for (let round = 0; round < options.config.rounds; round++) {
    const clinic = await openBenchPage(browser, options.clinicPageUrl);
    await clinic.evaluate((credentials) => window.bench.signIn(credentials), FRONT_DESK);
    app.push((await clinic.evaluate((input) => window.bench.firstSync(input), { expected })).ms);
    await closePage(clinic);

    const rawPage = await openBenchPage(browser, options.clinicPageUrl);
    await rawPage.evaluate((credentials) => window.bench.signIn(credentials), FRONT_DESK);
    raw.push(
      (await rawPage.evaluate((input) => window.bench.rawBulkWrite(input), { expected })).ms,
    );
    await closePage(rawPage);

    const pouchPage = await openBenchPage(browser, options.pouchPageUrl);
    pouch.push(
      (
        await pouchPage.evaluate((input) => window.bench.pouchFirstSync(input), {
          database: options.pouchDatabase,
          expected,
        })
      ).ms,
    );
    await closePage(pouchPage);
  }
  const label = `first sync of a new device, ${expected.toLocaleString('en-US')} patients (median of ${app.length})`;
  return {
    figures: [
      figure(
        label,
        'ms',
        median(app),
        { name: 'PouchDB replication from a PouchDB server', value: median(pouch) },
        (r) => ({
          text: '≥ 4× faster than PouchDB (ratio ≤ 0.25)',
          met: r !== null && r <= 0.25,
        }),
      ),
      figure(
        label,
        'ms',
        median(app),
        { name: 'raw IndexedDB bulk write (strict), no network', value: median(raw) },
        (r) => ({
          text: '≤ 3× the raw bulk write',
          met: r !== null && r <= 3,
        }),
      ),
    ],
    notes: [
      `first sync rounds (ms) — app: ${app.map(Math.round).join(', ')}; raw bulk write: ${raw.map(Math.round).join(', ')}; PouchDB: ${pouch.map(Math.round).join(', ')}.`,
    ],
  };
}
