import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { disposeKeepingLogOfFailure } from './pages/server-log.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { syntheticSheets } from './fixtures/synthetic-sheet.ts';
import { DocumentSearch } from './pages/document-search.page.ts';
import { Device } from './pages/device.ts';
import { chooseCategory, FilingScreens, pushSetup, textPdf } from './pages/filing.page.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12.2: capture at the desk. Several camera shots — one removed, one sideways and turned
 * upright, one moved — become one PDF on the tablet in the order chosen, and its text is found
 * page by page where they were put; a PDF dropped on the page from a computer's desktop joins a
 * picked image in one PDF, and a file that cannot be a page is refused in words. Screens shot
 * at both tablet sizes (tests/.artifacts/screenshots/filing-capture-*.png) and checked with axe.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d4000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SETUP = [
  { id: id(1), kind: 'category', name: 'Clinical', order: 1 },
  { id: id(2), kind: 'category', name: 'Outside records', parentId: id(1) },
  { id: id(3), kind: 'category', name: 'Practice', order: 2 },
  { id: id(4), kind: 'category', name: 'Contracts', parentId: id(3) },
];

let server: ClinicServer;
test.beforeEach(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterEach(() => disposeKeepingLogOfFailure(server));

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of TABLET_SIZES) {
    await page.setViewportSize(size);
    // From the top: the sticky header would otherwise sit over the page where it was scrolled.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: `${OUT}filing-capture-${name}-${size.name}.png`,
      fullPage: true,
    });
    await expectFitsAndTouchable(page);
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await new FilingScreens(page).expectAccessible();
}

/** Drops files on an element as a computer's desktop would (a drag ending in a drop). */
async function dropFiles(
  target: Locator,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  const transfer = await target.page().evaluateHandle(
    (list) => {
      const data = new DataTransfer();
      for (const file of list)
        data.items.add(
          new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, {
            type: file.mimeType,
          }),
        );
      return data;
    },
    files.map((file) => ({
      name: file.name,
      mimeType: file.mimeType,
      base64: file.buffer.toString('base64'),
    })),
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('camera shots removed, turned and reordered become one PDF whose pages are searched where they were put', async ({
  browser,
}) => {
  // Four pages recognised on a shared machine.
  test.slow();
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await pushSetup(office.page, SETUP);
  await office.close();

  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.registerPatient({
    givenName: 'Ottoline',
    familyName: 'Brackenridge',
    dateOfBirth: '12/04/1979',
    sex: 'Female',
  });
  const shots = await syntheticSheets(desk.page, [
    ['AMBER CLINIC', 'Amber sheet for the first page.'],
    ['BIRCH CLINIC', 'Birch sheet photographed by mistake.'],
    { lines: ['CEDAR CLINIC', 'Cedar sheet photographed sideways.'], sideways: true },
    ['DAMSON CLINIC', 'Damson sheet that belongs second.'],
  ]);
  await desk.page
    .getByTestId('patient-documents')
    .getByRole('link', { name: 'Scan or add documents' })
    .click();
  const camera = desk.page.waitForEvent('filechooser');
  await desk.page.getByRole('button', { name: 'Take photos' }).click();
  await (await camera).setFiles(shots);
  const pages = desk.page.getByTestId('capture-page');
  await expect(pages).toHaveCount(4);
  await shoot(desk.page, 'four-shots');

  // The mistaken shot goes, the sideways one is turned upright, the last is moved up.
  await desk.page.getByRole('button', { name: 'Remove page 2' }).click();
  await expect(pages).toHaveCount(3);
  await desk.page.getByRole('button', { name: 'Turn page 2' }).click();
  await expect(pages.nth(1).getByRole('img')).toHaveAttribute('style', /rotate\(90deg\)/);
  await desk.page.getByRole('button', { name: 'Move page 3 earlier' }).click();
  await expect(desk.page.getByRole('button', { name: 'Move page 1 earlier' })).toBeDisabled();
  await expect(pages.nth(2).getByRole('img')).toHaveAttribute('style', /rotate\(90deg\)/);
  await desk.page.getByLabel('Title').fill('Outside clinic papers');
  await chooseCategory(desk.page.getByLabel('Category'), 'Outside records');
  await shoot(desk.page, 'arranged');
  await desk.page.getByRole('button', { name: 'File document' }).click();

  await expect(desk.page.getByTestId('document-title')).toHaveText('Outside clinic papers');
  await expect(desk.page.getByTestId('page-of')).toHaveText('Page 1 of 3');
  await expect(desk.page.getByText('Found for search (3 pages)')).toBeVisible({
    timeout: 150_000,
  });

  // Each sheet's words are on the page it was put on; the removed one's nowhere.
  await new FilingScreens(desk.page).openDocuments();
  const search = new DocumentSearch(desk.page);
  const row = search.row('Outside clinic papers');
  for (const [word, page] of [
    ['amber', 'Page 1'],
    ['damson', 'Page 2'],
    ['cedar', 'Page 3'],
  ] as const) {
    await search.search(word);
    await expect(row.getByTestId('match')).toContainText(page);
    await expect(search.rows).toHaveCount(1);
  }
  await search.search('birch');
  await expect(desk.page.getByTestId('no-results')).toBeVisible();
  await desk.close();
});

test('a PDF dropped on the page joins a picked image in one PDF; a file that cannot be a page is refused', async ({
  browser,
}) => {
  const office = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await pushSetup(office.page, SETUP);
  const filing = new FilingScreens(office.page);
  await filing.openDocuments();
  await office.page.getByRole('link', { name: 'Scan or add documents' }).click();
  const add = office.page.getByRole('region', { name: '1. Add the pages' });

  // Something that is not a page, dropped: said in words, nothing added.
  await dropFiles(add, [
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a page') },
  ]);
  await expect(office.page.getByRole('alert')).toContainText(
    'notes.txt: Only JPEG, PNG or WebP images and PDF files can be filed',
  );
  await expect(office.page.getByTestId('capture-page')).toHaveCount(0);

  const contract = await textPdf([
    ['Cleaning services agreement', 'Between the practice and Tidewater Janitorial'],
    ['Term: twelve months from signature'],
  ]);
  await dropFiles(add, [
    { name: 'cleaning-agreement.pdf', mimeType: 'application/pdf', buffer: contract },
  ]);
  await expect(office.page.getByTestId('capture-page')).toHaveCount(2);
  await expect(office.page.getByRole('alert')).toHaveCount(0);
  // Its name becomes the title, to be changed.
  await expect(office.page.getByLabel('Title')).toHaveValue('cleaning-agreement');

  const [signature] = await syntheticSheets(office.page, [
    ['Signature page', 'Signed for Tidewater Janitorial'],
  ]);
  await filing.chooseFiles([signature!]);
  await expect(office.page.getByTestId('capture-page')).toHaveCount(3);
  await office.page.getByLabel('Title').fill('Cleaning services agreement');
  // Nobody chosen: a practice paper.
  await chooseCategory(office.page.getByLabel('Category'), 'Contracts');
  await shoot(office.page, 'dropped');
  await office.page.getByRole('button', { name: 'File document' }).click();
  await expect(office.page.getByTestId('document-title')).toHaveText('Cleaning services agreement');
  await expect(office.page.getByTestId('page-of')).toHaveText('Page 1 of 3');
  await expect(office.page.getByTestId('document-category')).toHaveText('Practice › Contracts');
  await expect(office.page.getByText('Found for search (3 pages)')).toBeVisible({
    timeout: 90_000,
  });

  // The dropped PDF's own text is found where it was: its second page.
  await filing.openDocuments();
  const search = new DocumentSearch(office.page);
  await search.search('twelve months');
  await expect(search.row('Cleaning services agreement').getByTestId('match')).toContainText(
    'Page 2',
  );
  await office.close();
});
