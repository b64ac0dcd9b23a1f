import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Devices are named by staff and named the same everywhere (issue 10, point 16): the office
 * manager names the front desk's tablet and retires an old browser on the Devices page; change
 * history credits the server's writer on that named device, and a seeded record to the
 * practice's setup, never "someone unknown on device 0NAN". Screenshots of the Devices page and
 * of change history at both tablet sizes go to tests/.artifacts/screenshots.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => server.dispose());

test('the office manager names and retires devices; history names them the same way', async ({
  browser,
}) => {
  // Three sign-ins, each syncing the demo clinic, on a shared machine.
  test.setTimeout(240_000);
  // An old browser someone once signed in on, then left.
  const old = await Device.open(browser, server.url);
  await old.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await old.expectPending(0);
  await old.close();

  // The front desk's tablet edits a seeded patient's phone.
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.expectPending(0);
  await desk.page.getByTestId('patient-row').first().click();
  const patientName = ((await desk.page.getByTestId('patient-name').textContent()) ?? '').trim();
  await desk.editPatient({ phone: '(555) 201-0188' });
  await desk.expectPending(0);

  const office = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await office.expectPending(0);
  await office.page.getByRole('link', { name: 'Sync', exact: true }).click();
  await office.page.getByRole('link', { name: 'Devices' }).click();
  const cards = office.page.getByTestId('device');
  await expect(cards).toHaveCount(3);

  // "This device" agrees with the sync strip about the last sync.
  const mine = cards.filter({ has: office.page.getByRole('heading', { name: 'This device' }) });
  const strip = (await office.page.getByTestId('sync-status').textContent()) ?? '';
  const stripTime = /Last sync (?:\w{3} \d{1,2} )?(\d{1,2}:\d{2}\s?[AP]M)/.exec(strip)?.[1];
  expect(stripTime, `the strip says a last sync time: ${strip}`).toBeTruthy();
  await expect(mine.getByTestId('device-last-sync')).toContainText(stripTime ?? '');

  // Name the front desk's tablet (the one that synced last of the two front-desk browsers).
  const deskId = await desk.deviceId();
  const deskCard = cards.filter({ has: office.page.locator(`[id="name-${deskId}"]`) });
  await deskCard.getByLabel('Device name').fill('Front desk tablet 2');
  await deskCard.getByRole('button', { name: 'Save name' }).click();
  await expect(
    cards.filter({ has: office.page.getByRole('heading', { name: 'Front desk tablet 2' }) }),
  ).toHaveCount(1);

  // Retire the old browser: asked once more, then gone from the list.
  const oldCard = cards.filter({ hasNot: office.page.locator(`[id="name-${deskId}"]`) }).filter({
    hasNot: office.page.getByRole('heading', { name: 'This device' }),
  });
  await oldCard.getByRole('button', { name: 'Retire device' }).click();
  await expect(oldCard.getByText(/leaves this list/)).toBeVisible();
  await oldCard.getByRole('button', { name: 'Retire it' }).click();
  await expect(cards).toHaveCount(2);

  for (const size of TABLET_SIZES) {
    await office.page.setViewportSize(size);
    await expectFitsAndTouchable(office.page);
    await office.page.screenshot({ path: `${OUT}devices-${size.name}.png` });
  }

  // Change history: the desk's edit is credited to the front desk on the tablet's new name,
  // the seeded registration to the practice's setup.
  await office.openPatients();
  await office.search(patientName);
  await office.page.getByTestId('patient-row').first().click();
  await expect(office.page.getByTestId('patient-name')).toContainText(patientName);
  await office.page.getByRole('button', { name: 'Show change history' }).click();
  const history = office.page.getByTestId('history');
  const who = history.getByTestId('history-who');
  await expect(who.first()).toHaveText(/^Changed by .+ on Front desk tablet 2$/);
  await expect(who.last()).toHaveText('Registered when the practice’s records were set up');
  await expect(history).not.toContainText('unknown');
  await expect(history).not.toContainText('NAN');
  for (const line of await history.getByTestId('history-when').allTextContents())
    expect(line).not.toMatch(/\S·|·\S/);

  for (const size of TABLET_SIZES) {
    await office.page.setViewportSize(size);
    await history.scrollIntoViewIfNeeded();
    await expectFitsAndTouchable(office.page);
    await office.page.screenshot({ path: `${OUT}history-${size.name}.png` });
  }

  // The audit trail names the tablet the same way (its change of that patient, among others).
  await office.page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(
    office.page.getByRole('cell', { name: 'Front desk tablet 2' }).first(),
  ).toBeVisible();

  await desk.close();
  await office.close();
});
