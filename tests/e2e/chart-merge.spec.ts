import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * The same woman was registered twice, on two devices, while one was offline. After sync the
 * server lists the pair for review; the office manager merges the charts field by field on one
 * device, and the second device shows the merge: the surviving chart with the chosen values,
 * and the merged-away chart sending staff on to it.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('merging two charts on one device shows the merge on another', async ({ browser }) => {
  const office = await Device.open(browser, server.url);
  const desk = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await desk.signInWithChartNumbers(FRONT_DESK.username, FRONT_DESK.password);

  await office.registerPatient({
    givenName: 'Imelda',
    familyName: 'Varga',
    dateOfBirth: '11/04/1972',
    sex: 'Female',
    phone: '(555) 201-0131',
  });
  const survivorUrl = office.page.url().replace(/\?.*$/, '');
  const survivorNumber = await office.shownChartNumber();
  await office.expectPending(0);

  await desk.waitForOfflineReady();
  await desk.goOffline();
  await desk.registerPatient({
    givenName: 'Imelda',
    familyName: 'Vargha',
    dateOfBirth: '11/04/1972',
    sex: 'Female',
    email: 'imelda.v@example.org',
  });
  const mergedAwayUrl = desk.page.url().replace(/\?.*$/, '');
  await desk.goOnline();
  await desk.expectPending(0);

  // The server found the pair when the desk's registration arrived.
  await office.page.getByRole('link', { name: 'Duplicates' }).click();
  const pair = office.page
    .getByTestId('duplicate-pair')
    .filter({ hasText: 'Varga, Imelda' })
    .filter({ hasText: 'Vargha, Imelda' });
  await expect(pair).toBeVisible();
  await expect(pair).toContainText('same date of birth');
  // Dates read MM/DD/YYYY here as on every other screen, never the locale's 12/2/2026.
  const usDay = /^\d{2}\/\d{2}\/\d{4}$/;
  const registered = pair.locator('dt:text-is("Registered") + dd');
  await expect(registered).toHaveCount(2);
  for (const day of await registered.allTextContents()) expect(day).toMatch(usDay);
  await pair.getByRole('link', { name: 'Compare and merge' }).click();

  // The older chart stays; the last name is taken from the newer one; the email comes along.
  await expect(office.page.getByRole('heading', { name: 'Merge charts' })).toBeVisible();
  const survivorChoices = office.page.locator('fieldset.survivor .muted');
  await expect(survivorChoices).toHaveCount(2);
  for (const text of await survivorChoices.allTextContents())
    expect(text.replace('registered ', '')).toMatch(usDay);
  const lastName = office.page.getByTestId('merge-field-familyName');
  await lastName.getByLabel('Vargha').check();
  await expect(
    office.page.getByTestId('merge-field-email').getByLabel('imelda.v@example.org'),
  ).toBeChecked();
  await office.page.getByRole('button', { name: `Merge into chart ${survivorNumber}` }).click();
  await expect(office.page.getByTestId('merged-notice')).toBeVisible();
  await expect(office.page.getByTestId('patient-name')).toContainText('Imelda Vargha');
  await expect(office.page.getByTestId('merge-trail')).toContainText('merged into this chart');
  await office.expectPending(0);

  // The other device: the survivor has the chosen values …
  await desk.page.goto(survivorUrl);
  await expect(desk.page.getByTestId('patient-name')).toContainText('Imelda Vargha');
  await expect(desk.page.getByText('imelda.v@example.org')).toBeVisible();
  // … and the merged-away chart sends staff on to it, with a notice.
  await desk.page.goto(mergedAwayUrl);
  await expect(desk.page).toHaveURL(new RegExp(`${survivorUrl}\\?mergedFrom=`));
  await expect(desk.page.getByTestId('merged-notice')).toBeVisible();
  await expect(desk.page.getByTestId('patient-chart-number')).toHaveText(`Chart ${survivorNumber}`);
  // Only one chart is left to find.
  await desk.openPatients();
  await desk.search('Imelda');
  await expect(desk.page.getByTestId('patient-row').filter({ hasText: 'Imelda' })).toHaveCount(1);
  // The merge left the review list.
  await office.page.goto('/duplicates');
  await expect(office.page.getByRole('heading', { name: 'Likely duplicates' })).toBeVisible();
  await expect(office.page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(pair).toHaveCount(0);
  await office.close();
  await desk.close();
});
