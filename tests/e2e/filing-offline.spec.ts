import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '../../shared/src/sync/protocol.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { disposeKeepingLogOfFailure } from './pages/server-log.ts';
import { OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { FilingScreens, textPdf } from './pages/filing.page.ts';
import { pushRecords, signedInEditor } from './pages/retention.page.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12.9 and 12.5: documents on a device with the network down, and the practice's filing
 * settings. The office manager sets the storage each device keeps and the trash period (a wrong
 * value refused as typed), keeps one document on the tablet, and with the server stopped and the
 * tablet offline that document opens after a reload while another, never kept here, says plainly
 * that it needs the network. Screens shot at 768x1024 and 1024x768, touch targets and axe checked.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d3000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const PATIENT = id(1);
const CLINICAL = id(2);
const KEPT = id(10);
const KEPT_TITLE = 'Cardiology referral letter';
const NOT_KEPT_TITLE = 'Outside hospital discharge summary';

let server: ClinicServer;
test.beforeEach(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterEach(() => disposeKeepingLogOfFailure(server));

/** The screen at both sizes: fits, touchable, no axe violation, and a screenshot to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const size of TABLET_SIZES) {
    await page.setViewportSize(size);
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}filing-offline-${name}-${size.name}.png`, fullPage: true }); // prettier-ignore
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await new FilingScreens(page).expectAccessible();
}

/** Puts a file on the server as the signed-in device would upload it; its reference. */
async function upload(page: Page, bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const deviceId = await page.evaluate(() => localStorage.getItem('clinicdesk.device-id'));
  const status = await page.evaluate(
    async ({ url, body, headers }) =>
      (await fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) })).status,
    {
      url: `/api/blobs/${sha256}`,
      body: [...bytes],
      headers: {
        'content-type': 'application/pdf',
        'x-clinicdesk-protocol': String(PROTOCOL_VERSION),
        'x-clinicdesk-device': deviceId ?? '',
      },
    },
  );
  expect(status).toBe(201);
  return { sha256, type: 'application/pdf', size: bytes.length };
}

/** A synthetic patient with two filed documents, as another tablet filed them. */
async function seed(page: Page): Promise<void> {
  const by = await signedInEditor(page);
  const stamp = { at: '2026-01-12T15:00:00.000Z', by };
  await pushRecords(page, 'patients', [
    { id: PATIENT, kind: 'patient', givenName: 'Oriel', familyName: 'Fenwick', dateOfBirth: '1958-11-23', sex: 'female' }, // prettier-ignore
  ]);
  const filed = async (n: number, title: string, line: string) => ({
    id: id(n),
    kind: 'filedDocument',
    title,
    // Three weeks ago: within the year of documents that count as recent.
    documentDate: new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10),
    patientId: PATIENT,
    categoryId: CLINICAL,
    source: 'upload',
    versions: {
      [id(n + 100)]: {
        file: await upload(page, await textPdf([[title, line]])),
        pageCount: 1,
        added: stamp,
      },
    },
    captured: stamp,
    filed: stamp,
  });
  await pushRecords(page, 'filing', [
    { id: CLINICAL, kind: 'category', name: 'Clinical', order: 1 },
    await filed(10, KEPT_TITLE, 'Synthetic referral for an echocardiogram.'),
    await filed(11, NOT_KEPT_TITLE, 'Synthetic discharge summary.'),
  ]);
}

test('a document kept on the tablet opens with the server stopped; one not kept says it needs the network', async ({
  browser,
}) => {
  test.slow();
  const tablet = await Device.open(browser, server.url);
  await tablet.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await tablet.waitForOfflineReady();
  await seed(tablet.page);
  const page = tablet.page;

  // The practice's settings: a wrong value is refused as typed and stores nothing.
  await new FilingScreens(page).openDocuments();
  await page.getByRole('navigation', { name: 'Filing', exact: true }).getByRole('link', { name: 'Setup' }).click(); // prettier-ignore
  await page.getByRole('navigation', { name: 'Filing setup' }).getByRole('link', { name: 'Trash and offline' }).click(); // prettier-ignore
  await expect(page.getByRole('heading', { name: 'Trash and offline' })).toBeVisible();
  await expect(page.getByLabel('Days in the trash')).toHaveValue('30');
  await expect(page.getByText('ClinicDesk’s defaults apply')).toBeVisible();
  await page.getByLabel('Storage for each device (MB)').fill('1.5');
  await page.getByLabel('Days in the trash').fill('14');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Enter the storage for each device in whole megabytes, from 50 to 20,000',
  );
  await expect(page.getByLabel('Storage for each device (MB)')).toBeFocused();
  await shoot(page, 'settings-refused');
  await page.getByLabel('Storage for each device (MB)').fill('200');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect(page.getByText('ClinicDesk’s defaults apply')).toHaveCount(0);
  await shoot(page, 'settings');
  // The trash says the practice's period.
  await page.getByRole('navigation', { name: 'Filing', exact: true }).getByRole('link', { name: 'Trash' }).click(); // prettier-ignore
  await expect(page.getByText('stay here for 14 days')).toBeVisible();

  // Opening a document brings its file to the tablet; keeping it makes it stay.
  await page.goto(`/filing/documents/${KEPT}`);
  await expect(page.getByTestId('document-title')).toHaveText(KEPT_TITLE);
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 1');
  const panel = page.getByTestId('offline-panel');
  await expect(panel.getByTestId('offline-availability')).toHaveText('Available offline');
  await panel.getByRole('switch', { name: 'Keep on this device' }).check();
  await expect(panel).toContainText('Kept on this device: it opens with the network down.');
  await shoot(page, 'document');

  // The chart's documents say which open offline.
  await page.getByRole('link', { name: 'Open Oriel Fenwick’s chart' }).click();
  const list = page.getByTestId('patient-document');
  await expect(list.filter({ hasText: KEPT_TITLE }).getByTestId('document-availability')).toHaveText('Available offline'); // prettier-ignore
  await expect(list.filter({ hasText: NOT_KEPT_TITLE }).getByTestId('document-availability')).toHaveText('Needs the network'); // prettier-ignore

  // What the tablet keeps, against the practice's 200 MB.
  await page.goto('/filing/offline');
  await expect(page.getByRole('heading', { name: 'On this device', level: 1 })).toBeVisible();
  await expect(page.getByTestId('offline-used')).toContainText('of 200 MB used');
  await expect(page.getByRole('link', { name: 'Change the storage for each device' })).toBeVisible(); // prettier-ignore
  const row = page.getByTestId('offline-row').filter({ hasText: KEPT_TITLE });
  await expect(row).toContainText('Kept on this device');
  await expect(page.getByTestId('offline-row').filter({ hasText: NOT_KEPT_TITLE })).toHaveCount(0); // prettier-ignore
  await shoot(page, 'shelf');

  // The network goes and the server stops: the kept document opens after a reload.
  await page.goto(`/filing/documents/${KEPT}`);
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 1');
  await server.stop();
  await tablet.goOffline();
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('document-title')).toHaveText(KEPT_TITLE);
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 1');
  await expect(page.getByRole('region', { name: `${KEPT_TITLE}, the file` }).locator('canvas')).toBeVisible(); // prettier-ignore
  // The pin survived the reload.
  await expect(panel.getByRole('switch', { name: 'Keep on this device' })).toBeChecked();

  // The one never kept here says so plainly, not a broken viewer.
  await page.getByRole('link', { name: 'Open Oriel Fenwick’s chart' }).click();
  await page.getByRole('link', { name: NOT_KEPT_TITLE }).click();
  await expect(page.getByTestId('document-title')).toHaveText(NOT_KEPT_TITLE);
  await expect(page.getByTestId('file-needs-network')).toContainText('Needs the network');
  await expect(page.getByTestId('file-needs-network')).toContainText(
    'This document’s file is not on this device and the server cannot be reached.',
  );
  await expect(panel.getByTestId('offline-availability')).toHaveText('Needs the network');
  await shoot(page, 'needs-network');
  await tablet.close();
});

/** A check-in at the desk, as another tablet would push it (the board's screens are check-in's). */
async function checkIn(page: Page, patientId: string): Promise<void> {
  const by = await signedInEditor(page);
  const { day, now } = await page.evaluate(() => {
    const at = new Date();
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    return { day: local.toISOString().slice(0, 10), now: at.toISOString() };
  });
  const visit = { id: `v-${day}-1-${patientId}`, kind: 'visit', patientId, day, visitType: 'walk-in', arrived: { at: now, by }, createdAt: now, updatedAt: now, _deleted: false }; // prettier-ignore
  const status = await page.evaluate(
    async ({ url, body, headers }) => (await fetch(url, { method: 'POST', headers, body })).status,
    {
      url: `${SYNC_BASE_PATH}/visits/push`,
      body: JSON.stringify({ rows: [{ newDocumentState: visit }] }),
      headers: {
        'content-type': 'application/json',
        'x-clinicdesk-protocol': String(PROTOCOL_VERSION),
        'x-clinicdesk-device': by.deviceId,
      },
    },
  );
  expect(status).toBe(200);
}

test('a patient checked in today has their recent documents on the tablet before anyone opens them', async ({
  browser,
}) => {
  const tablet = await Device.open(browser, server.url);
  await tablet.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await tablet.waitForOfflineReady();
  await seed(tablet.page);
  const page = tablet.page;
  await page.goto(`/patients/${PATIENT}`);
  const list = page.getByTestId('patient-document');
  await expect(list.filter({ hasText: KEPT_TITLE }).getByTestId('document-availability')).toHaveText('Needs the network'); // prettier-ignore

  // The patient arrives: the tablet fetches their documents of the last year by itself.
  await checkIn(page, PATIENT);
  for (const title of [KEPT_TITLE, NOT_KEPT_TITLE])
    await expect(list.filter({ hasText: title }).getByTestId('document-availability')).toHaveText('Available offline'); // prettier-ignore
  await page.goto('/filing/offline');
  await expect(page.getByTestId('offline-row').filter({ hasText: NOT_KEPT_TITLE })).toContainText('Today’s patient'); // prettier-ignore

  await server.stop();
  await tablet.goOffline();
  await page.goto(`/filing/documents/${id(11)}`);
  await expect(page.getByTestId('document-title')).toHaveText(NOT_KEPT_TITLE);
  await expect(page.getByTestId('page-of')).toHaveText('Page 1 of 1');
  await tablet.close();
});
