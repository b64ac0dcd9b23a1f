import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * The installed app around the data: it never caches patient data outside IndexedDB, and a new
 * version waits for staff to choose to reload instead of replacing the page under their hands.
 */
let server: ClinicServer;

test.beforeAll(async () => {
  server = await ClinicServer.start({ ownCopyOfApp: true });
});

test.afterAll(async () => {
  await server.dispose();
});

test('the service worker caches the app shell only, never an API response', async ({ browser }) => {
  const device = await Device.open(browser, server.url);
  await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await device.waitForOfflineReady();
  await expect(device.page.getByTestId('patient-row').first()).toBeVisible();

  const cached = await device.page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    return urls;
  });
  expect(cached).toContain('/index.html');
  expect(cached).toContain('/manifest.webmanifest');
  expect(cached.filter((path) => path.startsWith('/api/'))).toEqual([]);
  await device.close();
});

test('the patient list opens without the form and schema code (ADR 14)', async ({ browser }) => {
  // zod (the forms' and the server's schema library) stays off the first screen: the device
  // opens its database with generated schemas, and the forms load it when they open. A peer
  // adding an import that drags it back in would put ~26 KiB gzip before the first row.
  const device = await Device.open(browser, server.url);
  await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await expect(device.page.getByTestId('patient-row').first()).toBeVisible();

  const scripts: string[] = [];
  let firstRowShown = false;
  device.page.on('response', (response) => {
    if (!firstRowShown && response.request().resourceType() === 'script')
      scripts.push(response.url());
  });
  await device.page.reload();
  await expect(device.page.getByTestId('patient-row').first()).toBeVisible();
  firstRowShown = true;

  expect(scripts.length).toBeGreaterThan(0);
  const withZod: string[] = [];
  for (const url of scripts) {
    const text = await (await device.page.request.get(url)).text();
    if (text.includes('$ZodError')) withZod.push(new URL(url).pathname);
  }
  expect(withZod).toEqual([]);

  // …and the form still has its rules once opened.
  await device.page.getByRole('link', { name: 'Register patient' }).click();
  await device.page.getByRole('button', { name: 'Save patient' }).click();
  await expect(device.page.getByRole('alert').first()).toBeVisible();
  await device.close();
});

test('a new version is offered, and only taken when staff press Reload', async ({ browser }) => {
  const device = await Device.open(browser, server.url);
  await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await device.waitForOfflineReady();
  await device.page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true));

  // Ship a new build: any byte change to the service worker is a new version.
  appendFileSync(join(server.staticRoot, 'sw.js'), '\n// next release\n');
  await device.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const prompt = device.page.getByRole('alert').filter({ hasText: 'A new version of ClinicDesk' });
  await expect(prompt).toBeVisible();
  // Nothing reloaded by itself: this is still the same document.
  expect(
    await device.page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);

  const reloaded = device.page.waitForEvent('load');
  await prompt.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  expect(
    await device.page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument),
  ).toBeUndefined();
  await expect(device.page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  await expect(prompt).toBeHidden();
  await device.close();
});

test('a wrong password is refused with a clear message, and sign-out returns to sign-in', async ({
  browser,
}) => {
  const device = await Device.open(browser, server.url);
  await device.page.goto('/patients');
  await expect(device.page).toHaveURL(/\/login\?next=%2Fpatients$/);
  await device.page.getByLabel('Username').fill(FRONT_DESK.username);
  await device.page.getByLabel('Password').fill('not-the-password');
  await device.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(device.page.getByTestId('login-problem')).toHaveText(
    'That username and password do not match',
  );

  await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await device.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(device.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Signed out on the server too: the session cookie no longer opens the sync API.
  const pull = await device.page.request.get('/api/sync/v1/patients/pull?since=0', {
    headers: { 'x-clinicdesk-protocol': '2' },
  });
  expect(pull.status()).toBe(401);
  await device.close();
});

test('an out-of-date app is told to update and keeps its unsynced changes until it does', async ({
  browser,
}) => {
  const device = await Device.open(browser, server.url);
  await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await device.expectConnection('online');

  // From now on this device speaks protocol 0, as a build older than the server would.
  await device.page.route('**/api/sync/**', async (route) => {
    const url = route.request().url().replace('protocol=2', 'protocol=1');
    const headers = { ...route.request().headers(), 'x-clinicdesk-protocol': '0' };
    await route.continue({ url, headers });
  });
  await device.registerPatient({
    givenName: 'Ottoline',
    familyName: 'Outdatedson',
    dateOfBirth: '09/09/1969',
    sex: 'Female',
  });
  await expect(device.connection).toHaveAttribute('data-connection', 'update-required');
  await expect(device.page.getByRole('alert')).toContainText(
    'This version of ClinicDesk is out of date and cannot sync. Your unsynced changes stay on this device.',
  );
  await device.expectPending(1);

  // The app is updated (it speaks the current protocol again): the change goes out.
  await device.page.unroute('**/api/sync/**');
  await device.expectPending(0);
  await device.expectConnection('online');
  await expect(device.page.getByText('This version of ClinicDesk is out of date')).toBeHidden();
  await device.close();
});
