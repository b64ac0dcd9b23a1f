import type { Browser } from '@playwright/test';
import { patientToForm } from '@clinicdesk/shared/patients/patient-form.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { closePage, openBenchPage } from '../browser.ts';
import { benchPatients } from '../data.ts';
import { figure, type Figure } from '../report.ts';
import { summarize } from '../stats.ts';
import { FRONT_DESK } from '../../support/demo-logins.ts';

export type SaveConfig = { saves: number; warmup: number };

/** Registering a patient until it is on disk (the app's action) against a raw strict put. */
export async function measureSave(
  browser: Browser,
  options: { pageUrl: string; cacheDir: string; config: SaveConfig },
): Promise<Figure[]> {
  const { saves, warmup } = options.config;
  const forms = benchPatients(10_000, options.cacheDir)
    .slice(0, saves + warmup)
    .map((doc) => patientToForm(doc as unknown as Patient));
  const page = await openBenchPage(browser, options.pageUrl);
  await page.evaluate((credentials) => window.bench.signIn(credentials), FRONT_DESK);
  const run = await page.evaluate((input) => window.bench.save(input), { forms, warmup });
  await closePage(page);
  const app = summarize(run.appMs);
  const raw = summarize(run.rawMs);
  const rawName = "raw IndexedDB put, durability 'strict'";
  const target = (r: number | null) => ({ text: '≤ 2× raw strict put', met: r !== null && r <= 2 });
  return [
    figure(
      'save a registration until durable: median',
      'ms',
      app.median,
      { name: rawName, value: raw.median },
      target,
    ),
    figure('save a registration until durable: p95', 'ms', app.p95, {
      name: rawName,
      value: raw.p95,
    }),
  ];
}
