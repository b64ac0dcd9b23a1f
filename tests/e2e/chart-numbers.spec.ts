import { expect, test } from '@playwright/test';
import { parseChartNumber } from '@clinicdesk/shared/charts/chart-number.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device, type NewPatient } from './pages/device.ts';

/**
 * Two front desks lose the network and keep registering. Each new patient gets a chart number
 * at once, from the block the server reserved for that device; after sync no two patients share
 * one. A device that never got a block gives a provisional number and swaps it for a real one
 * as soon as it can.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

const person = (givenName: string, familyName: string, dateOfBirth: string): NewPatient => ({
  givenName,
  familyName,
  dateOfBirth,
  sex: 'Female',
});

test('two offline devices register patients, sync, and every chart number is different', async ({
  browser,
}) => {
  const deskA = await Device.open(browser, server.url);
  const deskB = await Device.open(browser, server.url);
  await deskA.signInWithChartNumbers(FRONT_DESK.username, FRONT_DESK.password);
  await deskB.signInWithChartNumbers(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await deskA.waitForOfflineReady();
  await deskB.waitForOfflineReady();
  await deskA.goOffline();
  await deskB.goOffline();

  const numbers = new Map<string, string>();
  const registered: [Device, NewPatient][] = [
    [deskA, person('Odalys', 'Fenwick-Oro', '02/11/1990')],
    [deskB, person('Pernille', 'Quastorff', '07/30/1985')],
    [deskA, person('Rosamund', 'Tegwen', '12/01/1979')],
    [deskB, person('Solveig', 'Umbrecht', '05/19/2001')],
  ];
  for (const [desk, patient] of registered) {
    await desk.openPatients();
    await desk.registerPatient(patient);
    const number = await desk.shownChartNumber();
    // A real number with a valid check digit, there and then, with no network.
    expect(parseChartNumber(number)).toEqual({ ok: true, value: number });
    numbers.set(patient.familyName, number);
  }
  expect(new Set(numbers.values()).size).toBe(4);

  await deskA.goOnline();
  await deskB.goOnline();
  await deskA.expectPending(0);
  await deskB.expectPending(0);

  // Device A now lists all four, each with the number it got on its own device.
  await deskA.openPatients();
  for (const [, patient] of registered) {
    await deskA.search(patient.familyName);
    await expect(deskA.patientRow(patient.familyName, patient.givenName)).toContainText(
      `Chart ${numbers.get(patient.familyName)}`,
    );
  }
  await deskA.close();
  await deskB.close();
});

test('a device without reserved numbers gives a provisional one and replaces it later', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  // The server cannot be asked for numbers (as if it had been down since this device started).
  await desk.context.route('**/api/sync/v1/chart-numbers', (route) => route.abort());
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient(person('Tamsin', 'Vellacott', '03/03/1993'));
  const provisional = await desk.shownChartNumber();
  expect(provisional).toMatch(/^P-[0-9A-Z]{4}-\d+$/);

  await desk.context.unroute('**/api/sync/v1/chart-numbers');
  await desk.goOffline();
  await desk.goOnline();
  await expect(desk.page.getByTestId('patient-chart-number')).toHaveText(/^Chart \d{6,}-\d$/);
  const real = await desk.shownChartNumber();
  expect(parseChartNumber(real).ok).toBe(true);
  await desk.close();
});
