import { expect, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/** A registration interrupted by a reload during an outage loses nothing that was typed. */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('a half-typed registration survives a reload while offline, and is gone once saved', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.waitForOfflineReady();
  await desk.goOffline();

  await desk.page.getByRole('link', { name: 'Register patient' }).click();
  const form = desk.page.getByRole('form', { name: 'Patient registration' });
  await form.getByLabel('First name', { exact: true }).fill('Temperance');
  await form.getByLabel('Last name', { exact: true }).fill('Draftwood');
  await form.getByLabel('Date of birth', { exact: true }).fill('02/14/1990');
  await expect(desk.page.getByTestId('draft-kept')).toBeVisible();
  // The draft is written a moment after the last keystroke: the reload comes once it holds all three.
  await expect.poll(() => keptDraftField(desk.page, 'dateOfBirth')).toBe('02/14/1990');

  await desk.page.reload();
  await expect(desk.page.getByTestId('draft-restored')).toContainText('was kept on this device');
  await expect(form.getByLabel('First name', { exact: true })).toHaveValue('Temperance');
  await expect(form.getByLabel('Last name', { exact: true })).toHaveValue('Draftwood');
  await expect(form.getByLabel('Date of birth', { exact: true })).toHaveValue('02/14/1990');
  await desk.page.screenshot({
    path: new URL('../.artifacts/screenshots/draft-restored-portrait.png', import.meta.url)
      .pathname,
  });

  await form.getByLabel('Administrative sex').selectOption({ label: 'Female' });
  await form.getByRole('button', { name: 'Save patient' }).click();
  await expect(desk.page.getByTestId('patient-name')).toContainText('Temperance Draftwood');

  // The next registration starts empty.
  await desk.openPatients();
  await desk.page.getByRole('link', { name: 'Register patient' }).click();
  await expect(form.getByLabel('First name', { exact: true })).toHaveValue('');
  await expect(desk.page.getByTestId('draft-restored')).toHaveCount(0);

  // Starting over throws a kept draft away.
  await form.getByLabel('First name', { exact: true }).fill('Ephemeral');
  await expect(desk.page.getByTestId('draft-kept')).toBeVisible();
  await desk.page.reload();
  await desk.page.getByRole('button', { name: 'Start over' }).click();
  await expect(form.getByLabel('First name', { exact: true })).toHaveValue('');
  await desk.page.reload();
  await expect(form.getByLabel('First name', { exact: true })).toHaveValue('');
  await expect(desk.page.getByTestId('draft-restored')).toHaveCount(0);
  await desk.close();
});

test('an edit in progress survives a reload while offline, and is gone once saved', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient({
    givenName: 'Leocadia',
    familyName: 'Quillfeather',
    dateOfBirth: '07/03/1982',
    sex: 'Female',
  });
  await desk.waitForOfflineReady();
  await desk.goOffline();

  await desk.page.getByRole('button', { name: 'Edit' }).click();
  const form = desk.page.getByRole('form', { name: 'Edit patient' });
  // Opening the form keeps nothing; the first change is kept.
  await expect(desk.page.getByTestId('draft-kept')).toHaveCount(0);
  await form.getByLabel(/^Email/).fill('leocadia.q@example.com');
  await expect(desk.page.getByTestId('draft-kept')).toBeVisible();

  await desk.page.reload();
  await expect(desk.page.getByTestId('draft-restored')).toContainText('were kept on this device');
  await expect(form.getByLabel(/^Email/)).toHaveValue('leocadia.q@example.com');
  await form.getByLabel(/^Preferred name/).fill('Leo');

  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(desk.page.getByTestId('save-notice')).toHaveText('Changes saved on this device.');
  await expect(desk.page.getByText('leocadia.q@example.com')).toBeVisible();
  await expect(desk.page.getByTestId('patient-name').locator('..')).toContainText('goes by Leo');
  await desk.expectPending(1);

  // Saved: the draft is gone, and a reload shows the record, not the form.
  await desk.page.reload();
  await expect(desk.page.getByTestId('patient-name')).toContainText('Leocadia Quillfeather');
  await expect(desk.page.getByRole('form', { name: 'Edit patient' })).toHaveCount(0);
  await desk.goOnline();
  await desk.expectPending(0);
  await desk.close();
});

/** A field of the registration draft as the device's local database holds it. */
function keptDraftField(page: Page, field: string): Promise<string | null> {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases())
      .map((db) => db.name ?? '')
      .filter((db) => db.startsWith('clinicdesk-local-'));
    for (const dbName of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains('drafts')) continue;
        const draft = await new Promise<{ fields?: Record<string, string> } | undefined>(
          (resolve) => {
            const get = db.transaction('drafts').objectStore('drafts').get('patient-registration');
            get.onsuccess = () => resolve(get.result as { fields?: Record<string, string> });
            get.onerror = () => resolve(undefined);
          },
        );
        const value = draft?.fields?.[name];
        if (value !== undefined) return value;
      } finally {
        db.close();
      }
    }
    return null;
  }, field);
}
