import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * A PC with ClinicDesk open in two tabs: one tab syncs, the other shows the same sync state, and
 * closing the tab that syncs hands the work to the other without losing anything.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('one tab syncs, the other shows its state and takes over when it closes', async ({
  browser,
}) => {
  const pc = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await pc.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await pc.expectConnection('online');

  // A second tab of the same browser: same user, same local database.
  const second = await pc.openTab('/patients');
  const syncRequestsFromSecond: string[] = [];
  second.page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/sync/'))
      syncRequestsFromSecond.push(request.url());
  });
  await second.expectConnection('online');

  // With the network down (once the app works offline in both tabs: the second tab has not
  // loaded the registration form yet), the second tab registers a patient; both tabs count it.
  await pc.waitForOfflineReady();
  await second.waitForOfflineReady();
  await pc.goOffline();
  await second.registerPatient({
    givenName: 'Octavia',
    familyName: 'Tabbington',
    dateOfBirth: '05/05/1975',
    sex: 'Female',
  });
  await second.expectPending(1);
  await pc.expectPending(1);
  await pc.expectConnection('offline');
  await second.expectConnection('offline');

  // Only the first tab talked to the server.
  expect(syncRequestsFromSecond).toEqual([]);

  // The first tab (the one that synced) closes; the network comes back.
  await pc.page.close();
  await pc.goOnline();
  await second.expectPending(0);
  await second.expectConnection('online');
  expect(syncRequestsFromSecond.length).toBeGreaterThan(0);

  // The patient reached the server: another device sees it.
  const other = await Device.open(browser, server.url);
  await other.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await other.search('Tabbington');
  await expect(other.patientRow('Tabbington', 'Octavia')).toBeVisible();

  await other.close();
  await pc.close();
});
