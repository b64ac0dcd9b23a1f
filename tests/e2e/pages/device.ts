import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';

export type NewPatient = {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'Female' | 'Male' | 'Other' | 'Unknown';
  phone?: string;
  email?: string;
};

/**
 * One tablet or PC at the clinic: its own browser context (own IndexedDB, cookies and service
 * worker), driven as staff would drive it.
 */
export class Device {
  readonly context: BrowserContext;
  readonly page: Page;

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  /** `hasTouch`: a touch tablet (its main pointer is coarse and does not hover), not a PC. */
  static async open(
    browser: Browser,
    baseURL: string,
    viewport = { width: 768, height: 1024 },
    { hasTouch = false }: { hasTouch?: boolean } = {},
  ): Promise<Device> {
    const context = await browser.newContext({ baseURL, viewport, hasTouch });
    const page = await context.newPage();
    return new Device(context, page);
  }

  /**
   * Signs in and waits until the device holds a block of chart numbers from the server, so that
   * it can number new patients offline from then on.
   */
  async signInWithChartNumbers(username: string, password: string): Promise<void> {
    const reserved = this.page.waitForResponse(
      (response) => response.url().endsWith('/api/sync/v1/chart-numbers') && response.ok(),
    );
    await this.signIn(username, password);
    await reserved;
  }

  /** The chart number shown on the open patient's page. */
  async shownChartNumber(): Promise<string> {
    const text = await this.page.getByTestId('patient-chart-number').textContent();
    return (text ?? '').replace('Chart', '').trim();
  }

  /** Signs in and waits for the role's first page (Patients unless told otherwise). */
  async signIn(username: string, password: string, landsOn = 'Patients'): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: landsOn, level: 1 })).toBeVisible();
  }

  /** Records in this browser's local patient store (RxDB on IndexedDB), read straight from it. */
  async localPatientCount(): Promise<number> {
    return this.page.evaluate(async () => {
      let count = 0;
      for (const info of await indexedDB.databases()) {
        if (!info.name?.includes('--patients')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(info.name ?? '');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        });
        if (db.objectStoreNames.contains('docs')) {
          count += await new Promise<number>((resolve, reject) => {
            const request = db.transaction('docs').objectStore('docs').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error('count failed'));
          });
        }
        db.close();
      }
      return count;
    });
  }

  /** Another tab of this same browser (same cookies, same local database). */
  async openTab(path: string): Promise<Device> {
    const page = await this.context.newPage();
    await page.goto(path);
    return new Device(this.context, page);
  }

  /** Waits until the service worker controls the page, so the app shell works offline. */
  async waitForOfflineReady(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
            once: true,
          }),
        );
      }
    });
  }

  get connection(): Locator {
    return this.page.getByTestId('sync-status');
  }

  get pending(): Locator {
    return this.page.getByTestId('sync-pending');
  }

  async expectConnection(state: 'online' | 'offline'): Promise<void> {
    await expect(this.connection).toHaveAttribute('data-connection', state);
  }

  /** The chrome's unsynced count, once the device has counted everything (never a guess). */
  async expectPending(count: number): Promise<void> {
    await expect(this.pending).toHaveAttribute('data-counting', 'no');
    await expect(this.pending).toHaveAttribute('data-count', String(count));
  }

  async goOffline(): Promise<void> {
    await this.context.setOffline(true);
  }

  async goOnline(): Promise<void> {
    await this.context.setOffline(false);
  }

  async openPatients(): Promise<void> {
    await this.page.getByRole('link', { name: 'Patients', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  }

  async registerPatient(patient: NewPatient): Promise<void> {
    await this.page.getByRole('link', { name: 'Register patient' }).click();
    const form = this.page.getByRole('form', { name: 'Patient registration' });
    await form.getByLabel('First name', { exact: true }).fill(patient.givenName);
    await form.getByLabel('Last name', { exact: true }).fill(patient.familyName);
    await form.getByLabel('Date of birth', { exact: true }).fill(patient.dateOfBirth);
    await form.getByLabel('Administrative sex').selectOption({ label: patient.sex });
    if (patient.phone) await form.getByLabel('Mobile phone').fill(patient.phone);
    if (patient.email) await form.getByLabel(/^Email/).fill(patient.email);
    await form.getByRole('button', { name: 'Save patient' }).click();
    await expect(this.page.getByTestId('save-notice')).toHaveText(
      'Patient registered and saved on this device.',
    );
    await expect(this.page.getByTestId('patient-name')).toContainText(
      `${patient.givenName} ${patient.familyName}`,
    );
  }

  /** On a patient's page: edit, change the given fields, save. */
  async editPatient(changes: { phone?: string; email?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit' }).click();
    const form = this.page.getByRole('form', { name: 'Edit patient' });
    if (changes.phone !== undefined) await form.getByLabel('Mobile phone').fill(changes.phone);
    if (changes.email !== undefined) await form.getByLabel(/^Email/).fill(changes.email);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(this.page.getByTestId('save-notice')).toHaveText('Changes saved on this device.');
  }

  /** On a patient's page: picks a photo through the Add/Replace photo button, as staff would. */
  async choosePhoto(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(Add|Replace) photo$/ }).click();
    await (await chooser).setFiles(file);
  }

  /** This browser's device id, for talking to the API as the app does. */
  async deviceId(): Promise<string> {
    const id = await this.page.evaluate(() => localStorage.getItem('clinicdesk.device-id'));
    if (!id) throw new Error('This device has no id yet');
    return id;
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Find a patient').fill(text);
  }

  patientRow(familyName: string, givenName: string): Locator {
    return this.page.getByTestId('patient-row').filter({ hasText: `${familyName}, ${givenName}` });
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
