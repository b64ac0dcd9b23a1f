import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * The audit trail as the office manager meets it: a chart opened and printed while the network
 * was down reaches the trail once the device is back, the report finds it by patient, and an
 * export is a CSV that is itself recorded.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('views and prints made offline reach the audit report, and exporting it is recorded', async ({
  browser,
}) => {
  const manager = await Device.open(browser, server.url, { width: 1024, height: 768 });
  const { page } = manager;
  await manager.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await manager.waitForOfflineReady();
  await expect(page.getByTestId('patient-row').nth(3)).toBeVisible();

  await manager.goOffline();
  await page.getByTestId('patient-row').nth(3).click();
  const name = (await page.getByTestId('patient-name').innerText()).replace(/\s+/g, ' ').trim();
  await page.getByRole('button', { name: 'Print' }).click();
  // Both wait on this device, in its local database, until the network is back.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const dbs = await indexedDB.databases();
        const local = dbs.find((db) => db.name?.startsWith('clinicdesk-local-'));
        if (!local?.name) return -1;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(local.name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const count = await new Promise<number>((resolve) => {
          const request = db.transaction('auditEvents').objectStore('auditEvents').count();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return count;
      }),
    )
    .toBeGreaterThanOrEqual(2); // the chart and its print (and the list, if it went up first)

  await manager.goOnline();
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await page.getByLabel('Patient').fill(name.split(' ').at(-1) ?? name);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByTestId('audit-patient-chosen')).toContainText(name);

  // The upload goes with the next sync; the report shows it once the server has it.
  await expect(async () => {
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByTestId('audit-count')).toHaveText(/^3 entries/, { timeout: 1000 });
  }).toPass();
  const rows = page.getByTestId('audit-entry');
  await expect(rows.nth(0)).toContainText('Printed');
  await expect(rows.nth(1)).toContainText('Viewed');
  // The demo clinic's seeding created the chart (on the server, so no device time).
  await expect(rows.nth(2)).toContainText('Created');
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row).toContainText(name);
    await expect(row).toContainText(OFFICE_MANAGER.username);
    await expect(row).toContainText('This device');
  }
  // Device and server times under a minute apart are one moment, shown once (audit-times.test.ts
  // covers views that reach the server later and show both).

  const downloading = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^position,server time,device time,action,username/);
  expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(['create', 'view', 'print']);
  // The CSV names the record by id only: no patient data leaves in the trail.
  expect(csv).not.toContain(name.split(' ').at(-1));

  await page.getByRole('button', { name: 'Any patient' }).click();
  await page.getByLabel('Username').fill(OFFICE_MANAGER.username);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(rows.first()).toContainText('Exported');
  await expect(rows.first()).toContainText('Audit report');
  await manager.close();
});

test('the audit report is not offered to the front desk, and the server refuses it', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await expect(desk.page.getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
  await desk.page.goto('/audit');
  await expect(desk.page.getByRole('alert')).toHaveText('Your role does not allow this');
  await desk.close();
});
