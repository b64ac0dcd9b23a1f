import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { ADMIN } from '../support/demo-logins.ts';
import { totpCode, totpStepAt } from '../support/totp.ts';
import { Device } from './pages/device.ts';
import { SignInScreen } from './pages/sign-in.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Two-factor sign-in for office managers and administrators (#5 point 5): a new office manager
 * enrols at her first sign-in with the key the screen shows, and signs in with codes after that;
 * a reused or wrong code is refused where she can see it. Codes are computed here from the key,
 * as her authenticator app would (tests/support/totp.ts). Screenshots of both steps at both
 * tablet sizes go to tests/.artifacts/screenshots.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const PASSWORD = 'juniper lantern quay 73';

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => server.dispose());

test('a new office manager sets up two-factor sign-in, then signs in with codes; reused and wrong codes are refused', async ({
  browser,
}) => {
  // The demo administrator (a demo account: no second factor) adds the office manager.
  const admin = await Device.open(browser, server.url);
  await admin.signIn(ADMIN.username, ADMIN.password, 'Sync');
  await admin.page.getByRole('link', { name: 'Staff' }).click();
  const form = admin.page.getByRole('form', { name: 'Add a staff member' });
  await form.getByLabel('Full name').fill('Nia Patel');
  await form.getByLabel('Username').fill('nia.manager');
  await form.getByLabel('Role').selectOption('office-manager');
  await form.getByLabel('First password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Add staff member' }).click();
  const niaRow = admin.page.getByTestId('staff-account').filter({ hasText: 'Nia Patel' });
  await expect(niaRow.getByTestId('second-factor-status')).toHaveText(
    'Two-factor: sets up at next sign-in',
  );
  await expect(
    admin.page
      .getByTestId('staff-account')
      .filter({ hasText: 'Demo Administrator' })
      .getByTestId('second-factor-status'),
  ).toHaveText('Demo account: no two-factor');

  // Her first sign-in: the password leads to the enrolment step, not into the app.
  const manager = await Device.open(browser, server.url);
  const screen = new SignInScreen(manager.page);
  await screen.enterPassword('nia.manager', PASSWORD);
  await expect(screen.enrolStep).toBeVisible();
  await expect(
    screen.enrolStep.getByRole('img', {
      name: 'QR code to add ClinicDesk to your authenticator app',
    }),
  ).toBeVisible();
  const key = await screen.shownKey();
  const secret = key.replaceAll(' ', '');
  expect(secret).toHaveLength(32);
  await expect(
    screen.enrolStep.getByRole('link', { name: 'Open in authenticator app' }),
  ).toHaveAttribute(
    'href',
    `otpauth://totp/ClinicDesk:nia.manager?secret=${secret}&issuer=ClinicDesk&algorithm=SHA1&digits=6&period=30`,
  );
  await expect(screen.codeField).toHaveAttribute('inputmode', 'numeric');
  await expect(screen.codeField).toHaveAttribute('autocomplete', 'one-time-code');
  for (const size of TABLET_SIZES) {
    await manager.page.setViewportSize(size);
    await expectFitsAndTouchable(manager.page);
    await manager.page.screenshot({
      path: `${OUT}two-factor-enrol-${size.name}.png`,
      fullPage: true,
    });
  }
  await manager.page.setViewportSize(TABLET_SIZES[0]);

  // A mistyped code enrols nothing; the right one signs her in.
  const enrolledAt = totpStepAt(Date.now());
  await screen.enterCode(totpCode(secret, enrolledAt + 5));
  await screen.expectRefused(/That code is not right/);
  const firstCode = totpCode(secret, enrolledAt);
  await screen.enterCode(firstCode);
  await expect(manager.page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();

  // Signed out and back: now a code, never the key again.
  await manager.signOut();
  await screen.enterPassword('nia.manager', PASSWORD);
  await expect(screen.codeStep).toBeVisible();
  await expect(manager.page.getByTestId('enrol-secret')).toHaveCount(0);
  await expect(screen.codeField).toBeFocused();
  for (const size of TABLET_SIZES) {
    await manager.page.setViewportSize(size);
    await expectFitsAndTouchable(manager.page);
    await manager.page.screenshot({
      path: `${OUT}two-factor-code-${size.name}.png`,
      fullPage: true,
    });
  }
  await manager.page.setViewportSize(TABLET_SIZES[0]);

  // The code she enrolled with is used up: within its window (seconds ago), the server says it
  // was used rather than wrong.
  await screen.enterCode(firstCode);
  await screen.expectRefused(/already been used/);
  await screen.enterCode('000000' === firstCode ? '111111' : '000000');
  await screen.expectRefused(/That code is not right/);
  for (const size of TABLET_SIZES) {
    await manager.page.setViewportSize(size);
    await manager.page.screenshot({
      path: `${OUT}two-factor-code-refused-${size.name}.png`,
      fullPage: true,
    });
  }
  await manager.page.setViewportSize(TABLET_SIZES[0]);
  // The app's next code: the step after the one used (accepted one step ahead of the server).
  await screen.enterCode(totpCode(secret, Math.max(totpStepAt(Date.now()), enrolledAt + 1)));
  await expect(manager.page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();

  await admin.page.reload();
  await expect(niaRow.getByTestId('second-factor-status')).toHaveText('Two-factor on');

  // Her phone is lost: the administrator resets it, after confirming.
  await niaRow.getByRole('button', { name: 'Reset two-factor' }).click();
  await expect(
    niaRow.getByRole('group', { name: /Reset two-factor sign-in for Nia Patel/ }),
  ).toBeVisible();
  await expectFitsAndTouchable(admin.page);
  await niaRow.screenshot({ path: `${OUT}two-factor-staff-reset-portrait.png` });
  await niaRow.getByRole('button', { name: 'Yes, reset two-factor' }).click();
  await expect(admin.page.getByTestId('staff-notice')).toContainText(
    'Two-factor sign-in reset for Nia Patel',
  );
  await expect(niaRow.getByTestId('second-factor-status')).toHaveText(
    'Two-factor: sets up at next sign-in',
  );
  // Her session is over at once, and her next sign-in enrols a new phone.
  expect((await manager.page.request.get('/api/auth/session')).status()).toBe(401);
  await screen.enterPassword('nia.manager', PASSWORD);
  await expect(screen.enrolStep).toBeVisible();
  expect((await screen.shownKey()).replaceAll(' ', '')).not.toBe(secret);
  // Not now: back to the password, and that pending sign-in is over.
  await screen.enrolStep.getByRole('button', { name: 'Use another account' }).click();
  await expect(manager.page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(manager.page.getByLabel('Username')).toBeVisible();

  await admin.close();
  await manager.close();
});
