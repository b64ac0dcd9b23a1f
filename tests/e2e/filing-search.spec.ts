import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { syntheticSheets } from './fixtures/synthetic-sheet.ts';
import { DocumentSearch } from './pages/document-search.page.ts';
import { Device } from './pages/device.ts';
import { chooseCategory, FilingScreens, pushSetup } from './pages/filing.page.ts';
import { expectChoicesShownWhole, expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12.3 and 12.12: text in scans is searchable offline, and the documents list finds
 * documents by one search box over titles, notes, tags, fields and the text of every page,
 * with filters and saved views, each result saying where the words matched. The front desk's
 * tablet scans three pages offline into a chart; the office manager's tablet finds the scan by
 * a word only on its second page. Over the demo clinic's 2,000 documents the desk searches,
 * filters, saves views, and never sees a restricted category's documents. Screens shot at both
 * tablet sizes (tests/.artifacts/screenshots/filing-search-*.png) and checked with axe.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d3000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SETUP = [
  { id: id(1), kind: 'category', name: 'Clinical', order: 1 },
  { id: id(2), kind: 'category', name: 'Outside records', parentId: id(1) },
  { id: id(3), kind: 'category', name: 'Administrative', order: 2 },
];

let server: ClinicServer | undefined;
test.afterEach(async () => {
  const testInfo = test.info();
  if (server && testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('server log', { body: server.log, contentType: 'text/plain' });
  await server?.dispose();
  server = undefined;
});
test.beforeEach(() => mkdirSync(OUT, { recursive: true }));

/** The screen at both sizes: fits, touchable, no axe violation, and a screenshot to look at. */
async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  for (const size of TABLET_SIZES) {
    await page.setViewportSize(size);
    // A long list of results is shot as the tablet shows it, from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}filing-search-${name}-${size.name}.png`, fullPage });
    await expectFitsAndTouchable(page);
    await expectChoicesShownWhole(page);
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await new FilingScreens(page).expectAccessible();
}

test('a scan of three pages made offline into a chart is found from another tablet by a word on its second page', async ({
  browser,
}) => {
  // Text recognition of three pages on a shared machine, and two tablets: a long journey.
  test.slow();
  server = await ClinicServer.start();
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await pushSetup(office.page, SETUP);

  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient({
    givenName: 'Leontyne',
    familyName: 'Abernathy-Quist',
    dateOfBirth: '05/30/1957',
    sex: 'Female',
  });
  await desk.expectPending(0);
  // Three sheets of invented words; "periwinkle" is on the second one only.
  const sheets = await syntheticSheets(desk.page, [
    [
      'RIVERSIDE HEART CENTER',
      'Consultation for Leontyne Abernathy-Quist',
      'Lantern meadow notes.',
    ],
    ['Echocardiogram summary', 'The periwinkle valve study was normal.', 'No further action.'],
    ['Medication list', 'Saffron orchard tablets once a day.', 'Signed by the cardiologist.'],
  ]);

  // The network drops; the desk scans the three pages into the chart and files them.
  await desk.waitForOfflineReady();
  await desk.goOffline();
  await desk.expectConnection('offline');
  await desk.page
    .getByTestId('patient-documents')
    .getByRole('link', { name: 'Scan or add documents' })
    .click();
  const camera = desk.page.waitForEvent('filechooser');
  await desk.page.getByRole('button', { name: 'Take photos' }).click();
  await (await camera).setFiles(sheets);
  await expect(desk.page.getByTestId('capture-page')).toHaveCount(3);
  await desk.page.getByLabel('Title').fill('Outside cardiology records');
  await chooseCategory(desk.page.getByLabel('Category'), 'Outside records');
  await desk.page.getByRole('button', { name: 'File document' }).click();
  await expect(desk.page.getByTestId('document-title')).toHaveText('Outside cardiology records');
  await expect(desk.page.getByTestId('page-of')).toHaveText('Page 1 of 3');
  // Its text is recognised on the tablet, offline, page by page.
  await expect(desk.page.getByText('Found for search (3 pages)')).toBeVisible({
    timeout: 150_000,
  });

  // Still offline, the desk finds it by the word on page 2, and is told it is on page 2.
  const filing = new FilingScreens(desk.page);
  await filing.openDocuments();
  const deskSearch = new DocumentSearch(desk.page);
  await deskSearch.search('periwinkle');
  const found = deskSearch.row('Outside cardiology records');
  await expect(found.getByTestId('match')).toContainText('Page 2');
  await expect(deskSearch.rows).toHaveCount(1);

  // Back online: the document, its file and its text reach the server.
  await desk.goOnline();
  await desk.expectPending(0);

  // The office manager's tablet finds it by that word, with the match on page 2 shown.
  await new FilingScreens(office.page).openDocuments();
  const search = new DocumentSearch(office.page);
  await search.search('periwinkle');
  const row = search.row('Outside cardiology records');
  await expect(row).toContainText('Leontyne Abernathy-Quist');
  await expect(row).toContainText('Clinical › Outside records');
  const match = row.getByTestId('match');
  await expect(match).toContainText('Page 2');
  await expect(match).not.toContainText('Page 1');
  await expect(match).not.toContainText('Page 3');
  await expect(search.marked(row)).toHaveText(['periwinkle']);
  await expect(search.count).toContainText('1 of 1 document found');
  await shoot(office.page, 'scan-found');

  // Two words, each on its own page: both pages are named.
  await search.search('periwinkle saffron');
  await expect(row.getByTestId('match')).toContainText('Page 2');
  await expect(row.getByTestId('match')).toContainText('Page 3');
  await row.getByRole('link', { name: 'Outside cardiology records' }).click();
  await expect(office.page.getByTestId('page-of')).toHaveText('Page 1 of 3');
  // Back to the list: the same search, its results where they were.
  await office.page.goBack();
  await expect(search.box).toHaveValue('periwinkle saffron');
  await expect(row.getByTestId('match')).toContainText('Page 3');

  await desk.close();
  await office.close();
});

test('over the demo clinic’s 2,000 documents the desk searches, filters and keeps saved views, and never sees a restricted one', async ({
  browser,
}) => {
  test.slow();
  server = await ClinicServer.start({ env: { DEMO_DOCUMENTS: '2000' } });
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await new FilingScreens(desk.page).openDocuments();
  const search = new DocumentSearch(desk.page);
  // Behavioral health is restricted: its documents never reach the desk's tablet (about one
  // in seven of the demo's papers), everything else does.
  const total = await search.expectAllRead(1200);
  expect(total).toBeLessThan(2000);
  await search.search('behavioral');
  await expect(desk.page.getByTestId('no-results')).toContainText(
    'No filed document on this device has “behavioral”',
  );

  // Words in the text of the pages, marked where they were found.
  await search.search('LDL cholesterol');
  await expect(search.count).toContainText(`of ${total.toLocaleString('en-US')} documents found`);
  const first = search.rows.first();
  await expect(first.getByTestId('match')).toContainText('Page 1');
  await expect(search.marked(first)).toContainText(['LDL', 'cholesterol']);
  // A typo still finds them; a word nobody wrote finds nothing, and says so.
  await search.search('cholesterl');
  await expect(search.marked(search.rows.first())).toContainText(['cholesterol']);
  await search.search('zyxwvut');
  await expect(desk.page.getByTestId('no-results')).toBeVisible();
  await shoot(desk.page, 'no-results');

  // Stray quotes, brackets and regular-expression characters break nothing.
  for (const typed of ['"', '(', '.*[', '\\', 'cascade"', '(cascade*']) {
    await search.search(typed);
    await expect(search.count).toContainText('documents');
    await expect(desk.page.getByRole('alert')).toHaveCount(0);
  }
  await expect(search.marked(search.rows.first())).toContainText(['Cascade']);

  // Words and filters together: Cascade's letters needing review, newest first.
  await search.search('cascade');
  await search.showFilters();
  await desk.page.getByLabel('Tag', { exact: true }).selectOption({ label: 'Needs review' });
  await desk.page.getByLabel('Order').selectOption({ label: 'Newest first' });
  await expect(search.rows.first()).toContainText(
    'Explanation of benefits — Cascade Mutual Health',
  );
  await expect(search.rows.first().getByRole('list', { name: 'Tags' })).toContainText(
    'Needs review',
  );
  const shown = await search.count.textContent();

  // Saved as a view: a name is asked for, one in use is refused in words.
  await search.saveView('');
  await expect(desk.page.getByText('Give the view a name.')).toBeVisible();
  await desk.page.getByLabel('Name of the view').fill('EOBs to review');
  await desk.page.getByRole('button', { name: 'Save view' }).click();
  await expect(search.view('EOBs to review')).toHaveAttribute('aria-pressed', 'true');
  await desk.page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await expect(search.box).toHaveValue('');
  await expect(search.view('EOBs to review')).toHaveAttribute('aria-pressed', 'false');
  await search.search('lab results');
  await search.saveView('eobs TO REVIEW');
  await expect(
    desk.page.getByText('There is a view named “eobs TO REVIEW” already.'),
  ).toBeVisible();
  await shoot(desk.page, 'view-name-taken', { fullPage: false });
  await desk.page.getByLabel('Name of the view').fill('Lab results');
  await desk.page.getByRole('button', { name: 'Save view' }).click();
  await expect(search.views.getByRole('button', { name: /^Lab results|^EOBs/ })).toHaveText([
    'EOBs to review',
    'Lab results',
  ]);

  // Applied in one touch: the words, the filter and the order come back.
  await search.view('EOBs to review').click();
  await expect(search.box).toHaveValue('cascade');
  await expect(desk.page.getByLabel('Tag', { exact: true })).toHaveValue(/.+/);
  await expect(desk.page.getByLabel('Order')).toHaveValue('newest');
  await expect(search.count).toHaveText(shown ?? '');
  await shoot(desk.page, 'results', { fullPage: false });

  // Kept across a reload (on this device, for this person); deleted, with an undo.
  await desk.page.reload();
  await expect(search.view('Lab results')).toBeVisible();
  await desk.page.getByRole('button', { name: 'Delete the view Lab results' }).click();
  await expect(search.view('Lab results')).toHaveCount(0);
  await desk.page.getByRole('button', { name: 'Undo' }).click();
  await expect(search.view('Lab results')).toBeVisible();
  await desk.page.getByRole('button', { name: 'Delete the view Lab results' }).click();
  await expect(desk.page.getByText('The view “Lab results” was deleted.')).toBeVisible();
  await expect(search.view('Lab results')).toHaveCount(0);

  // Dates the wrong way round are said to be so.
  await search.showFilters();
  await desk.page.getByLabel('Dated from').fill('2026-03-01');
  await desk.page.getByLabel('Dated to').fill('2025-03-01');
  await expect(desk.page.getByRole('alert')).toContainText('“Dated from” is after “Dated to”');
  await shoot(desk.page, 'dates-reversed', { fullPage: false });

  // Offline, the search still answers from the device.
  await desk.page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await desk.goOffline();
  await search.search('discharge summary');
  await expect(search.rows.first()).toContainText('Discharge summary');
  await desk.close();
});
