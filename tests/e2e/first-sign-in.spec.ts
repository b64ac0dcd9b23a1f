import { expect, type Route, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * A new tablet's first sign-in at a clinic with thousands of patients: while they come down,
 * the list says they are downloading (n of N, with an estimate) and never that the clinic has
 * no patients; the sync strip never says "All changes synced · Never synced" meanwhile.
 */
const PATIENTS = 2500;
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start({ env: { DEMO_PATIENTS: String(PATIENTS) } });
});
test.afterAll(async () => server.dispose());

for (const size of TABLET_SIZES)
  test(`the first download of the patients shows its progress, never an empty clinic (${size.name})`, async ({
    browser,
  }) => {
    const desk = await Device.open(browser, server.url, size);
    const { page } = desk;
    // Each page of patients waits for the test's word, so every stage of the download is seen.
    const held: Route[] = [];
    await page.route('**/api/sync/v1/patients/pull?*', (route) => void held.push(route));
    const answerNextPage = async () => {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      await held.shift()?.continue();
    };

    await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
    const count = page.locator('#search-count');
    const download = page.getByTestId('patients-downloading');
    const bar = download.getByRole('progressbar');

    // No answer yet: downloading, nothing counted, and no word of an empty clinic.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await expect(download).toContainText('Downloading the clinic’s patients…');
    await expect(page.getByTestId('patients-downloading-note')).toContainText('on their way');
    await expect(count).toHaveText('Waiting for the first patients to arrive…');
    await expect(page.getByText('No patients yet')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Register a new patient' })).toHaveCount(0);
    await expect(desk.page.getByTestId('sync-download')).toContainText('Downloading records');
    await expect(desk.page.getByTestId('sync-last')).toHaveText('First sync under way');
    await expect(desk.pending).not.toHaveText('All changes synced');
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}first-sync-waiting-${size.name}.png` });

    // The first page: n of N, from the server's count.
    await answerNextPage();
    await expect(download).toContainText(`1,000 of ${PATIENTS.toLocaleString('en-US')}`);
    await expect(bar).toHaveJSProperty('value', 1000);
    await expect(bar).toHaveJSProperty('max', PATIENTS);
    await expect(count).toHaveText('1,000 patients on this device so far');
    await expect(page.getByTestId('patient-row').first()).toBeVisible();
    await expect(desk.page.getByTestId('sync-download')).toContainText(
      `1,000 of ${PATIENTS.toLocaleString('en-US')}`,
    );
    await expect(desk.page.getByTestId('sync-last')).toHaveText('First sync under way');
    await expect(desk.pending).not.toHaveText('All changes synced');

    // The second page gives a rate: an estimate of the time left.
    await answerNextPage();
    await expect(download).toContainText(`2,000 of ${PATIENTS.toLocaleString('en-US')}`);
    await expect(download).toContainText(/(minute|minutes|hour|hours) left/);
    await expect(bar).toHaveJSProperty('value', 2000);
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}first-sync-${size.name}.png` });

    // The last page: the list is the clinic's, and the strip is in step.
    await answerNextPage();
    await expect(download).toHaveCount(0);
    await expect(count).toHaveText(`${PATIENTS} patients on this device`);
    await expect(desk.page.getByTestId('sync-download')).toHaveCount(0);
    await expect(desk.page.getByTestId('sync-last')).toContainText('Last sync');
    await desk.expectPending(0);
    await expect(desk.pending).toHaveText('All changes synced');

    // A reload in step says nothing of downloading, even before sync has started again.
    await page.unroute('**/api/sync/v1/patients/pull?*');
    await page.reload();
    await expect(count).toHaveText(`${PATIENTS} patients on this device`);
    await expect(download).toHaveCount(0);
    await desk.close();
  });
