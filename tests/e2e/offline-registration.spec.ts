import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * The walking skeleton's promise: a receptionist registers a patient with the network down,
 * nothing is lost across reloads or a server crash, and the patient reaches the other devices.
 * Two browser contexts are two devices; `setOffline` is the outage; the server is a real process.
 */
let server: ClinicServer;

test.beforeAll(async () => {
  server = await ClinicServer.start();
});

test.afterAll(async () => {
  await server.dispose();
});

test('a patient registered offline survives a reload and reaches another device when back online', async ({
  browser,
}) => {
  const tabletA = await Device.open(browser, server.url);
  const tabletB = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await tabletA.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletB.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletA.waitForOfflineReady();
  await tabletA.expectConnection('online');
  await tabletA.expectPending(0);

  // B is looking for the patient before they exist anywhere.
  await tabletB.search('Quennell');
  await expect(tabletB.page.getByText('No patient matches “Quennell”.')).toBeVisible();

  // (a) The network goes down on A; the receptionist registers a patient anyway.
  await tabletA.goOffline();
  await tabletA.registerPatient({
    givenName: 'Isolde',
    familyName: 'Quennell',
    dateOfBirth: '04/12/1987',
    sex: 'Female',
    phone: '(555) 201-0188',
  });
  await tabletA.expectConnection('offline');
  await tabletA.expectPending(1);

  // A reload with the network still down: the service worker serves the app, IndexedDB the data.
  const reload = await tabletA.page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(tabletA.page.getByTestId('patient-name')).toContainText('Isolde Quennell');
  await tabletA.expectPending(1);
  await tabletA.openPatients();
  await tabletA.search('quen isol');
  await expect(tabletA.patientRow('Quennell', 'Isolde')).toBeVisible();

  // (b) The network returns: A pushes, and B shows the patient without a reload.
  await tabletA.goOnline();
  await tabletA.expectPending(0);
  await tabletA.expectConnection('online');
  await expect(tabletB.patientRow('Quennell', 'Isolde')).toBeVisible();
  await expect(tabletB.patientRow('Quennell', 'Isolde')).toContainText('04/12/1987');

  // An edit on B travels back to A, which is still showing its search results.
  await tabletB.patientRow('Quennell', 'Isolde').click();
  await tabletB.editPatient({ phone: '555-201-0199' });
  await expect(tabletB.page.getByText('(555) 201-0199')).toBeVisible();
  await expect(tabletA.patientRow('Quennell', 'Isolde')).toContainText('(555) 201-0199');
  await tabletB.expectPending(0);

  await tabletA.close();
  await tabletB.close();
});

test('nothing is lost when the server is killed between one device saving and another reading', async ({
  browser,
}) => {
  const tabletA = await Device.open(browser, server.url);
  await tabletA.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletA.waitForOfflineReady();

  // A registers a patient and the server acknowledges it…
  await tabletA.registerPatient({
    givenName: 'Bartholomew',
    familyName: 'Vexley',
    dateOfBirth: '11/30/1962',
    sex: 'Male',
  });
  await tabletA.expectPending(0);

  // …then the server dies without warning, and A keeps working.
  await server.kill();
  await tabletA.openPatients();
  await tabletA.registerPatient({
    givenName: 'Clementine',
    familyName: 'Vexley',
    dateOfBirth: '02/01/1991',
    sex: 'Female',
  });
  await tabletA.expectConnection('offline');
  await tabletA.expectPending(1);

  // The server comes back on the same data; A's queued change goes out by itself.
  await server.launch();
  await tabletA.expectPending(0);
  await tabletA.expectConnection('online');

  // A device that was not around during any of this reads both patients.
  const tabletB = await Device.open(browser, server.url);
  await tabletB.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletB.search('Vexley');
  await expect(tabletB.patientRow('Vexley', 'Bartholomew')).toBeVisible();
  await expect(tabletB.patientRow('Vexley', 'Clementine')).toBeVisible();

  await tabletA.close();
  await tabletB.close();
});
