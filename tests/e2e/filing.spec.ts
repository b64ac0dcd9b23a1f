import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { chooseCategory, FilingScreens, pushSetup, textPdf } from './pages/filing.page.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12 (points 1, 2, 4, 5, 10): the desk files papers into a patient's chart from the chart,
 * finds them in the documents list and opens them; two tablets tag a document while apart and
 * both tags survive; a scan without a category waits in the inbox with what its text suggests,
 * and is filed in one step. Every screen is shot at both tablet sizes
 * (tests/.artifacts/screenshots/filing-*.png) and checked with axe.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d1000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const CLINICAL = id(1);
const OUTSIDE = id(2);
const LABS = id(3);
const LAB_RESULT = id(10);
const QUEST = id(20);
const NEEDS_SIGNATURE = id(30);
const REVIEWED = id(31);

/** The practice's filing setup, as the office manager made it on another tablet. */
const SETUP = [
  { id: CLINICAL, kind: 'category', name: 'Clinical', order: 1 },
  { id: OUTSIDE, kind: 'category', name: 'Outside records', parentId: CLINICAL },
  {
    id: LABS,
    kind: 'category',
    name: 'Labs',
    parentId: OUTSIDE,
    matching: { algorithm: 'any', pattern: '"lipid panel" hemoglobin', caseSensitive: false },
  },
  {
    id: LAB_RESULT,
    kind: 'documentType',
    name: 'Lab result',
    matching: { algorithm: 'exact', pattern: 'Final report', caseSensitive: false },
  },
  {
    id: QUEST,
    kind: 'correspondent',
    name: 'Quest Diagnostics',
    correspondentType: 'lab',
    matching: { algorithm: 'fuzzy', pattern: 'Quest Diagnostics', caseSensitive: false },
  },
  { id: NEEDS_SIGNATURE, kind: 'tag', name: 'Needs signature' },
  { id: REVIEWED, kind: 'tag', name: 'Reviewed by provider' },
];

let server: ClinicServer;
test.beforeEach(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterEach(async () => server.dispose());

/** The screen at both sizes: fits, touchable, no axe violation, and a screenshot to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const size of TABLET_SIZES) {
    await page.setViewportSize(size);
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}filing-${name}-${size.name}.png`, fullPage: true });
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await new FilingScreens(page).expectAccessible();
}

test('the desk files a PDF into a chart, finds it, and two tablets tag it offline: both tags stay', async ({
  browser,
}) => {
  // Two tablets, each screen shot at two sizes and checked with axe: longer than most journeys.
  test.slow();
  const office = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await pushSetup(office.page, SETUP);

  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const filing = new FilingScreens(desk.page);
  await filing.openDocuments();
  await expect(desk.page.getByTestId('no-documents')).toBeVisible();
  await shoot(desk.page, 'documents-empty');

  await desk.openPatients();
  await desk.registerPatient({
    givenName: 'Marisol',
    familyName: 'Thistlewood',
    dateOfBirth: '02/11/1968',
    sex: 'Female',
  });

  // From the chart: Scan or add documents, the patient already chosen.
  const section = desk.page.getByTestId('patient-documents');
  await expect(section).toContainText('No documents on this device for this patient.');
  await section.getByRole('link', { name: 'Scan or add documents' }).click();
  await expect(desk.page.getByRole('heading', { name: 'Scan or add documents' })).toBeVisible();
  await expect(desk.page.getByTestId('capture-patient-chosen')).toContainText(
    'Marisol Thistlewood',
  );
  const pdf = await textPdf([
    ['Riverside Cardiology Associates', 'Consultation note for Marisol Thistlewood'],
    ['Page two: follow up in six weeks'],
  ]);
  await filing.chooseFiles([
    { name: 'consult-note.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  await expect(desk.page.getByTestId('capture-page')).toHaveCount(2);
  await desk.page.getByLabel('Title').fill('Cardiology consultation');
  await chooseCategory(desk.page.getByLabel('Category'), 'Outside records');
  await shoot(desk.page, 'capture');
  await desk.page.getByRole('button', { name: 'File document' }).click();

  // Its page: the file shown in the app, page 1 of 2, filed to the chart and category.
  await expect(desk.page.getByTestId('document-title')).toHaveText('Cardiology consultation');
  await expect(desk.page.getByTestId('document-notice')).toHaveText(
    'Filed and saved on this device.',
  );
  await expect(desk.page.getByTestId('page-of')).toHaveText('Page 1 of 2');
  await expect(desk.page.getByTestId('document-category')).toHaveText('Clinical › Outside records');
  await desk.page.getByRole('button', { name: 'Next page' }).click();
  await expect(desk.page.getByTestId('page-of')).toHaveText('Page 2 of 2');
  await expect(desk.page.getByTestId('document-version')).toContainText('Version 1');
  await shoot(desk.page, 'document');

  // The same file again is recognised by its checksum.
  await desk.page.getByRole('link', { name: 'Open Marisol Thistlewood’s chart' }).click();
  await expect(desk.page.getByTestId('patient-document')).toContainText('Cardiology consultation');
  await desk.page.getByRole('link', { name: 'Scan or add documents' }).click();
  await filing.chooseFiles([
    { name: 'consult-note.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  await desk.page.getByLabel('Title').fill('Cardiology consultation again');
  await chooseCategory(desk.page.getByLabel('Category'), 'Outside records');
  await desk.page.getByRole('button', { name: 'File document' }).click();
  await expect(desk.page.getByTestId('already-filed')).toContainText(
    'This file is already filed as “Cardiology consultation”',
  );

  // Found in the documents list, by title and by the category above its own.
  await filing.openDocuments();
  await desk.page.getByRole('button', { name: 'Filters' }).click();
  await desk.page.getByLabel('Category', { exact: true }).selectOption({ label: 'Clinical' });
  await desk.page.getByLabel('Search documents').fill('cardio');
  const row = filing.row('Cardiology consultation');
  await expect(row).toContainText('Marisol Thistlewood');
  await expect(row).toContainText('Clinical › Outside records');
  await shoot(desk.page, 'documents');
  await desk.expectPending(0);

  // The office manager opens it; then both tablets lose the network and each adds a tag.
  const office2 = new FilingScreens(office.page);
  await office2.openDocuments();
  await office2.row('Cardiology consultation').getByRole('link').click();
  await expect(office.page.getByTestId('page-of')).toHaveText('Page 1 of 2');
  await row.getByRole('link', { name: 'Cardiology consultation' }).click();
  await expect(desk.page.getByTestId('document-title')).toHaveText('Cardiology consultation');

  await desk.goOffline();
  await office.goOffline();
  await filing.addTag('Needs signature');
  await office2.addTag('Reviewed by provider');
  await desk.goOnline();
  await desk.expectPending(0);
  await office.goOnline();
  await office.expectPending(0);
  for (const screens of [filing, office2]) {
    await expect(screens.tags.getByText('Needs signature')).toBeVisible();
    await expect(screens.tags.getByText('Reviewed by provider')).toBeVisible();
  }
  await shoot(office.page, 'document-tagged');

  await desk.close();
  await office.close();
});

test('a scan without a category waits in the inbox with what its text suggests, and is filed in one step', async ({
  browser,
}) => {
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await pushSetup(office.page, SETUP);
  await office.registerPatient({
    givenName: 'Benedikt',
    familyName: 'Oyelaran',
    dateOfBirth: '09/23/1990',
    sex: 'Male',
  });

  const filing = new FilingScreens(office.page);
  await filing.openDocuments();
  await office.page.getByRole('link', { name: 'Scan or add documents' }).click();
  const pdf = await textPdf([
    [
      'QUEST DIAGNOSTICS',
      'Final report',
      'Patient: Benedikt Oyelaran   DOB: 09/23/1990',
      'Lipid panel: total cholesterol 182 mg/dL',
    ],
  ]);
  await filing.chooseFiles([{ name: 'scan-0042.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await filing.fileCapture({ title: 'Scan 0042' });

  await filing.openInbox();
  const entry = office.page.getByTestId('inbox-document').filter({ hasText: 'Scan 0042' });
  const suggestion = entry.getByTestId('suggestion');
  await expect(suggestion).toContainText(
    'Patient: Benedikt Oyelaran — their name and date of birth are in the text',
  );
  await expect(suggestion).toContainText(
    'Category: Clinical › Outside records › Labs — matched ‘lipid panel’',
  );
  await expect(suggestion).toContainText('Type: Lab result — matched ‘Final report’');
  await expect(suggestion).toContainText('From or to: Quest Diagnostics');
  await expect(entry.getByTestId(/^patient-.*-chosen$/)).toContainText('Benedikt Oyelaran');
  await shoot(office.page, 'inbox');

  await entry.getByLabel('Title').fill('Lipid panel, Quest');
  await entry.getByRole('button', { name: 'File document' }).click();
  await expect(office.page.getByTestId('inbox-notice')).toHaveText(
    '“Lipid panel, Quest” was filed.',
  );
  await expect(office.page.getByTestId('inbox-empty')).toBeVisible();
  await shoot(office.page, 'inbox-empty');

  await filing.openDocuments();
  const row = filing.row('Lipid panel, Quest');
  await expect(row).toContainText('Benedikt Oyelaran');
  await expect(row).toContainText('Clinical › Outside records › Labs');
  await expect(row).toContainText('Lab result');
  await row.getByRole('link').click();
  await expect(office.page.getByTestId('document-move')).toContainText(
    'Category: No category → Clinical › Outside records › Labs',
  );
  await office.close();
});
