import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { CheckInBoard } from './pages/board.ts';
import { Device } from './pages/device.ts';

/**
 * Two devices edit one patient during an outage. Different fields: both edits survive. The same
 * field: nothing is thrown away — the office manager sees both values in the conflict inbox,
 * decides, and the decision reaches the other device.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('offline edits of one patient merge, and a clash is settled in the inbox', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  const office = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await desk.registerPatient({
    givenName: 'Perpetua',
    familyName: 'Quarrington',
    dateOfBirth: '07/19/1979',
    sex: 'Female',
    phone: '(555) 201-0110',
  });
  await desk.expectPending(0);
  await office.search('Quarrington');
  await office.patientRow('Quarrington', 'Perpetua').click();
  await expect(office.page.getByTestId('patient-name')).toContainText('Perpetua Quarrington');

  // 1. Apart, each changes a different field. Back together, both changes are there.
  await desk.goOffline();
  await office.goOffline();
  await desk.editPatient({ phone: '(555) 201-0111' });
  await office.editPatient({ email: 'perpetua.q@example.org' });
  await desk.goOnline();
  await desk.expectPending(0);
  await office.goOnline();
  await office.expectPending(0);
  for (const device of [desk, office]) {
    await expect(device.page.getByText('(555) 201-0111')).toBeVisible();
    await expect(device.page.getByText('perpetua.q@example.org')).toBeVisible();
    await expect(device.page.getByTestId('sync-conflicts')).toBeHidden();
  }

  // 2. Apart again, both change the phone number, differently.
  await desk.goOffline();
  await office.goOffline();
  await desk.editPatient({ phone: '(555) 201-0122' });
  await office.editPatient({ phone: '(555) 201-0133' });
  await desk.goOnline();
  await desk.expectPending(0);
  await office.goOnline();
  await office.expectPending(0);

  // The record keeps the value that reached the server first; neither value is lost.
  for (const device of [desk, office]) {
    await expect(device.page.getByTestId('sync-conflicts')).toHaveAttribute('data-count', '1');
    await expect(device.page.getByText('(555) 201-0122')).toBeVisible();
  }

  // 3. The office manager settles it from the inbox.
  await office.page.getByTestId('sync-conflicts').click();
  const card = office.page.getByTestId('conflict').filter({ hasText: 'Perpetua Quarrington' });
  await expect(card).toContainText('Preferred phone');
  await expect(card.getByTestId('conflict-kept')).toContainText('(555) 201-0122');
  await expect(card.getByTestId('conflict-kept')).toContainText('Demo Front Desk');
  await expect(card.getByTestId('conflict-other')).toContainText('(555) 201-0133');
  await expect(card.getByTestId('conflict-other')).toContainText(
    'Demo Office Manager on this device',
  );
  // Both said from the server's record of the sessions (online), not the conflict's stamps.
  for (const side of ['conflict-kept', 'conflict-other'])
    await expect(card.getByTestId(side)).not.toContainText('as noted on the device');
  await office.page.screenshot({
    path: new URL('../.artifacts/screenshots/conflict-inbox-landscape.png', import.meta.url)
      .pathname,
  });
  await card.getByTestId('conflict-other').getByRole('button', { name: 'Use this value' }).click();
  await expect(office.page.getByTestId('no-conflicts')).toBeVisible();
  await office.expectPending(0);

  // The decision reaches the front desk, which is still looking at the patient.
  await expect(desk.page.getByText('(555) 201-0133')).toBeVisible();
  await expect(desk.page.getByTestId('sync-conflicts')).toBeHidden();

  // 4. The manager's Devices tab lists both devices, each with nothing left to sync.
  await office.page.getByRole('link', { name: 'Devices' }).click();
  const devices = office.page.getByTestId('device');
  await expect(devices).toHaveCount(2);
  const mine = devices.filter({ has: office.page.getByRole('heading', { name: 'This device' }) });
  await expect(mine).toContainText('Demo Office Manager');
  const tablet = devices.filter({ hasText: 'Demo Front Desk' });
  await expect(tablet.getByTestId('device-pending')).toHaveText('0');
  // Headless Chromium does not grant persistent storage, so that warning is expected here;
  // a warning about changes held too long is not.
  await expect(office.page.getByText(/unsynced changes/)).toHaveCount(0);
  await office.page.screenshot({
    path: new URL('../.artifacts/screenshots/devices-landscape.png', import.meta.url).pathname,
  });

  await desk.close();
  await office.close();
});

// Issue 11, point 4: the inbox holds every kind of record, each in its own words, and the strip
// counts them all — here a check-in that two tablets made differently while apart.
test('two tablets offline check the same patient in differently: the clash is settled in the inbox', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  const office = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await desk.registerPatient({
    givenName: 'Wilhelmina',
    familyName: 'Osterbrook',
    dateOfBirth: '02/14/1961',
    sex: 'Female',
  });
  await desk.expectPending(0);
  const deskBoard = new CheckInBoard(desk.page);
  const officeBoard = new CheckInBoard(office.page);
  await officeBoard.open();
  await deskBoard.open();
  // The office has her record before the network goes.
  await office.page.getByLabel('Check in a patient').fill('osterbrook');
  await expect(office.page.getByTestId('check-in-candidate').filter({ hasText: 'Osterbrook' })).toBeVisible(); // prettier-ignore
  await office.page.getByLabel('Check in a patient').fill('');
  await desk.waitForOfflineReady();
  await office.waitForOfflineReady();

  // Apart, each checks her in: one as a walk-in with a cough, the other for her appointment.
  await desk.goOffline();
  await office.goOffline();
  await deskBoard.startCheckIn('osterbrook', 'Osterbrook', 'Wilhelmina');
  await desk.page.getByLabel('Walk-in').check();
  await desk.page.getByLabel(/Reason for the visit/).fill('Cough');
  await desk.page.getByRole('button', { name: /^Check in/ }).click();
  await expect(deskBoard.card('waiting', 'Osterbrook', 'Wilhelmina')).toBeVisible();
  await officeBoard.startCheckIn('osterbrook', 'Osterbrook', 'Wilhelmina');
  await office.page.getByLabel('Appointment', { exact: true }).check();
  await office.page.getByLabel('Appointment time').fill('09:30');
  await office.page.getByLabel(/Reason for the visit/).fill('Annual physical');
  await office.page.getByRole('button', { name: /^Check in/ }).click();
  await expect(officeBoard.card('waiting', 'Osterbrook', 'Wilhelmina')).toBeVisible();

  await desk.goOnline();
  await desk.expectPending(0);
  await office.goOnline();
  await office.expectPending(0);
  await desk.expectPending(0);

  // One visit on both boards, and both clashes counted in the strip on both tablets.
  for (const device of [desk, office]) {
    await expect(
      device.page.getByTestId('visit-card').filter({ hasText: 'Osterbrook' }),
    ).toHaveCount(1);
    await expect(device.page.getByTestId('sync-conflicts')).toHaveAttribute('data-count', '2');
  }

  await office.page.getByTestId('sync-conflicts').click();
  const cards = office.page
    .getByTestId('conflict')
    .filter({ hasText: 'Wilhelmina Osterbrook · visit on' });
  await expect(cards).toHaveCount(2);
  const kind = cards.filter({ hasText: 'Visit type' });
  await expect(kind).toContainText('Check-in');
  await expect(kind.getByTestId('conflict-kept')).toContainText(/Walk-in|Appointment/);
  await expect(kind.getByTestId('conflict-other')).toContainText(/Walk-in|Appointment/);
  await office.page.screenshot({
    path: new URL('../.artifacts/screenshots/conflict-inbox-visit-landscape.png', import.meta.url)
      .pathname,
  });
  // The manager decides: it was her appointment, and the reason is typed as it should read.
  const appointmentSide = kind
    .getByTestId(/conflict-(kept|other)/)
    .filter({ hasText: 'Appointment' });
  await appointmentSide.getByRole('button').click();
  const reason = cards.filter({ hasText: 'Reason for the visit' });
  await reason
    .getByLabel('Or enter the correct reason for the visit')
    .fill('Annual physical; cough');
  await reason.getByRole('button', { name: 'Save' }).click();
  await expect(office.page.getByTestId('no-conflicts')).toBeVisible();
  await office.expectPending(0);

  // The decision reaches the front desk's board.
  await deskBoard.open();
  const card = deskBoard.card('waiting', 'Osterbrook', 'Wilhelmina');
  await expect(card).toContainText('Appointment');
  await expect(desk.page.getByTestId('sync-conflicts')).toBeHidden();
  await desk.close();
  await office.close();
});
