import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * A returning patient at the desk: typing their details, misspelt, into a new registration
 * brings up the chart they already have, and the receptionist opens it instead.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('registering someone already on file offers their existing chart', async ({ browser }) => {
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient({
    givenName: 'Wilhelmina',
    familyName: 'Brackenbury',
    dateOfBirth: '08/23/1971',
    sex: 'Female',
    phone: '(555) 201-0177',
  });
  await desk.openPatients();

  // Months later: a new registration, with the name misspelt.
  await desk.page.getByRole('link', { name: 'Register patient' }).click();
  const form = desk.page.getByRole('form', { name: 'Patient registration' });
  await form.getByLabel('First name', { exact: true }).fill('Wilhelmena');
  await form.getByLabel('Last name', { exact: true }).fill('Brackenbery');
  await expect(desk.page.getByTestId('possible-duplicate')).toHaveCount(0);
  await form.getByLabel('Date of birth', { exact: true }).fill('08/23/1971');

  const match = desk.page.getByTestId('possible-duplicate');
  await expect(match).toHaveCount(1);
  await expect(match).toContainText('Brackenbury, Wilhelmina');
  await expect(match).toContainText('same date of birth');
  // The chart number in the warning is the one staff can read out to the patient.
  await expect(match).toContainText(/Chart \d{6,}-\d/);
  await match.scrollIntoViewIfNeeded();
  await desk.page.screenshot({
    path: new URL('../.artifacts/screenshots/possible-duplicate-portrait.png', import.meta.url)
      .pathname,
  });
  await match.getByRole('link').click();
  await expect(desk.page.getByTestId('patient-name')).toContainText('Wilhelmina Brackenbury');

  // And the search box finds her by the misspelt name too.
  await desk.openPatients();
  await desk.search('brackenbery wilhel');
  await expect(desk.patientRow('Brackenbury', 'Wilhelmina')).toBeVisible();
  await desk.close();
});
