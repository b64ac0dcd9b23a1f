import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { ADMIN } from '../support/demo-logins.ts';
import { totpCode, totpStepAt } from '../support/totp.ts';
import { Device } from './pages/device.ts';
import { SignInScreen } from './pages/sign-in.ts';

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

const PASSWORD = 'copper kettle harbour 19';

test('an administrator adds a person; a role change purges their tablet (after two-factor sign-in for an administrator) and deactivation signs it out', async ({
  browser,
}) => {
  const admin = await Device.open(browser, server.url);
  await admin.signIn(ADMIN.username, ADMIN.password, 'Sync');
  // The administrator manages staff and devices; patient records are not theirs to see.
  await expect(admin.page.getByRole('link', { name: 'Patients' })).toHaveCount(0);
  // With no records of their own to sync, the chrome still finishes counting (uploads, say).
  await admin.expectPending(0);
  await admin.expectConnection('online');
  await admin.page.getByRole('link', { name: 'Staff' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();
  // The page's old address, bookmarked before it moved, still arrives here.
  await admin.page.goto('/admin/users');
  await expect(admin.page).toHaveURL(/\/staff$/);
  await expect(admin.page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();

  const form = admin.page.getByRole('form', { name: 'Add a staff member' });
  await form.getByLabel('Full name').fill('Imani Okoro');
  await form.getByLabel('Username').fill('imani');
  await form.getByLabel('Role').selectOption('front-desk');
  await form.getByLabel('First password').fill('qwerty123456789');
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(form.getByRole('alert')).toContainText('common or leaked');
  await expect(form.getByLabel('First password')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('First password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Add staff member' }).click();
  await expect(admin.page.getByTestId('staff-notice')).toHaveText('Imani Okoro can now sign in');
  const imaniRow = admin.page.getByTestId('staff-account').filter({ hasText: 'Imani Okoro' });
  await expect(imaniRow).toBeVisible();

  // Imani works at the desk on her own tablet: the patient list syncs to it.
  const tablet = await Device.open(browser, server.url);
  await tablet.signIn('imani', PASSWORD);
  await expect(tablet.page.getByTestId('patient-row').first()).toBeVisible();
  await tablet.expectConnection('online');
  await expect.poll(() => tablet.localPatientCount()).toBeGreaterThan(100);

  // Her role changes to one without patient access, and one that needs a second factor: her
  // open tablet signs her out at once (her password-only session opens nothing any more)…
  await imaniRow.getByLabel('Role').selectOption('admin');
  await expect(admin.page.getByTestId('staff-notice')).toContainText('Imani Okoro is now admin');
  await expect(tablet.page.getByTestId('login-ended')).toContainText(
    'Your new role needs two-factor sign-in',
  );
  await expect(tablet.page).toHaveURL(/\/login/);

  // …she sets up two-factor sign-in, and the tablet reopens under the new role, purged.
  const screen = new SignInScreen(tablet.page);
  await screen.enterPassword('imani', PASSWORD);
  const secret = (await screen.shownKey()).replaceAll(' ', '');
  await screen.enterCode(totpCode(secret, totpStepAt(Date.now())));
  await expect(tablet.page.getByRole('heading', { name: 'Sync', level: 1 })).toBeVisible();
  await expect(tablet.page.getByRole('link', { name: 'Patients' })).toHaveCount(0);
  await expect.poll(() => tablet.localPatientCount()).toBe(0);

  // Deactivated: the tablet signs her out and removes her data.
  await imaniRow.getByRole('button', { name: 'Deactivate' }).click();
  await expect(imaniRow).toContainText('Deactivated');
  // Without a reload: its live stream was closed, and the reconnect is told why.
  await expect(tablet.page.getByTestId('login-ended')).toBeVisible({ timeout: 20_000 });
  await expect(tablet.page).toHaveURL(/\/login/);
  expect(await tablet.localPatientCount()).toBe(0);

  await admin.close();
  await tablet.close();
});
