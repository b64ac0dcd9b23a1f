import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * A caller spells their name for the receptionist, who types it wrong and surname first: the
 * chart still comes up among the demo clinic's patients, and the keyboard alone opens it.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('find a patient by a misspelt name, names in the other order, and open the chart', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient({
    givenName: 'Thaddeus',
    familyName: 'Quackenbush',
    dateOfBirth: '03/14/1962',
    sex: 'Male',
  });

  // `/` from any page jumps to the search box.
  await desk.page.keyboard.press('/');
  await expect(desk.page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  const box = desk.page.getByLabel('Find a patient');
  await expect(box).toBeFocused();
  await expect(desk.page.locator('#search-count')).toContainText('301 patients on this device');

  await desk.page.keyboard.type('quakenbush thadeus');
  await expect(desk.page.locator('#search-count')).toHaveText('1 match of 301 patients');
  await expect(desk.page.getByTestId('patient-row')).toHaveCount(1);
  await expect(desk.patientRow('Quackenbush', 'Thaddeus')).toBeVisible();

  // Esc clears, and the whole list is back.
  await desk.page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(desk.page.getByTestId('patient-row')).toHaveCount(100);

  // Typed again, ↓ reaches the result and Enter opens the chart.
  await desk.page.keyboard.type('QUACKENBUSH thad');
  await expect(desk.page.getByTestId('patient-row')).toHaveCount(1);
  await desk.page.keyboard.press('ArrowDown');
  await expect(desk.patientRow('Quackenbush', 'Thaddeus')).toBeFocused();
  await desk.page.keyboard.press('Enter');
  await expect(desk.page.getByTestId('patient-name')).toContainText('Thaddeus Quackenbush');

  // Ctrl+K works from the chart too, and the box is ready to type into.
  await desk.page.keyboard.press('Control+k');
  await expect(desk.page.getByLabel('Find a patient')).toBeFocused();
  await desk.close();
});

test('keyboard hints are for a PC: a touch tablet neither shows them nor reads them out', async ({
  browser,
}) => {
  const hints = /Ctrl/;
  const tablet = await Device.open(browser, server.url, undefined, { hasTouch: true });
  await tablet.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const box = tablet.page.getByLabel('Find a patient');
  await expect(tablet.page.locator('#search-count')).toContainText('patients on this device');
  await expect(tablet.page.locator('kbd')).toHaveCount(0);
  await expect(box).not.toHaveAccessibleDescription(hints);
  await tablet.close();

  const pc = await Device.open(browser, server.url, { width: 1280, height: 800 });
  await pc.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await expect(pc.page.getByTestId('keyboard-hints')).toBeVisible();
  await expect(pc.page.getByLabel('Find a patient')).toHaveAccessibleDescription(hints);
  await pc.close();
});
