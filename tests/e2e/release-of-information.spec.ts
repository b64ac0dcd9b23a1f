import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { readPdf } from '../../web/src/lib/disclosures/fixtures/read-pdf.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { disposeKeepingLogOfFailure } from './pages/server-log.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { textPdf } from './pages/filing.page.ts';
import { expectAccessible, openReleases, pushRows, uploadFile } from './pages/releases.page.ts';
import { signedInEditor } from './pages/retention.page.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12.8 and 12.12: release of information. The office manager sets the letterhead, takes
 * an attorney's subpoena from the patient's chart, chooses the documents, makes the package on
 * the tablet (a cover letter and every page stamped, read back with pdf.js), downloads it and records that it was
 * mailed: the patient's accounting of disclosures lists it. The front desk, on its own tablet,
 * releases the same patient's records to the patient, on the 30-day clock, picked up in
 * person, with the network down: the accounting does not list it. An overdue access request heads the Releases list.
 * Every new screen is shot at 768x1024 and 1024x768 (tests/.artifacts/screenshots/releases-*).
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d4000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const PATIENT = id(1);
const OTHER_PATIENT = id(2);
const CLINICAL = id(10);
const NOTES = id(100);
const LIPIDS = id(101);
const OVERDUE = id(200);

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

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
    await page.screenshot({ path: `${OUT}releases-${name}-${size.name}.png`, fullPage: true });
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await expectAccessible(page);
}

/** Two synthetic patients, two filed documents with their files, and an old access request. */
async function seed(page: Page): Promise<void> {
  const by = await signedInEditor(page);
  const stamp = { at: new Date().toISOString(), by };
  await pushRows(page, 'patients', [
    { id: PATIENT, kind: 'patient', givenName: 'Wrenna', familyName: 'Halloway', dateOfBirth: '1961-07-04', sex: 'female' }, // prettier-ignore
    { id: OTHER_PATIENT, kind: 'patient', givenName: 'Corvin', familyName: 'Ashdale', dateOfBirth: '1979-11-23', sex: 'male' }, // prettier-ignore
  ]);
  const notes = await uploadFile(page, await textPdf([['Office visit notes', 'Wrenna Halloway, page one'], ['Assessment and plan, page two']]), 'application/pdf'); // prettier-ignore
  const lipids = await uploadFile(page, await textPdf([['Lipid panel', 'Final report']]), 'application/pdf'); // prettier-ignore
  const filed = (docId: string, title: string, documentDate: string, file: object, pageCount: number) => ({
    id: docId,
    kind: 'filedDocument',
    title,
    documentDate,
    patientId: PATIENT,
    categoryId: CLINICAL,
    source: 'upload',
    versions: { [id(Number(docId.slice(-3)) + 500)]: { file, pageCount, added: stamp } },
    captured: stamp,
    filed: stamp,
  }); // prettier-ignore
  await pushRows(page, 'filing', [
    { id: CLINICAL, kind: 'category', name: 'Clinical', order: 1 },
    filed(NOTES, 'Office visit notes, March 2025', '2025-03-14', notes, 2),
    filed(LIPIDS, 'Lipid panel, January 2026', '2026-01-09', lipids, 1),
  ]);
  await pushRows(page, 'disclosures', [
    {
      id: OVERDUE,
      kind: 'releaseRequest',
      patientId: OTHER_PATIENT,
      requester: { name: 'Corvin Ashdale', address: '88 Birch Lane\nSpringfield, IL 62702' },
      recordsRequested: 'Immunization records',
      purpose: 'to-the-patient',
      basis: { legalBasis: 'Right of access (45 CFR 164.524)' },
      receivedOn: day(-40),
      status: 'in-progress',
      recorded: stamp,
    },
  ]);
}

/** Makes the package from every document listed, downloads it, and answers its page count. */
async function makeAndDownload(page: Page, documents: number): Promise<number> {
  await page.getByRole('button', { name: 'Make the package' }).click();
  const made = page.getByTestId('package-made');
  await expect(made).toContainText(`${documents} ${documents === 1 ? 'document' : 'documents'} and the cover letter`); // prettier-ignore
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the package' }).click();
  const bytes = readFileSync(await (await download).path());
  // Every page, the cover letter's too, carries the patient, the request and "Page n of m".
  const { pages } = await readPdf(new Uint8Array(bytes));
  pages.forEach((pdfPage, index) => {
    expect(pdfPage.text).toContain('Wrenna Halloway');
    expect(pdfPage.text).toContain(`Page ${index + 1} of ${pages.length}`);
  });
  await expect(made).toContainText(`Package made: ${pages.length} pages`);
  return pages.length;
}

test('a release to an attorney under subpoena is in the accounting of disclosures; a release to the patient is not', async ({
  browser,
}) => {
  // Two tablets, seven screens at two sizes, two packages made on the tablets: long.
  test.setTimeout(300_000);
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await seed(office.page);
  const page = office.page;

  // The letterhead first: a cover letter names the practice.
  await openReleases(page);
  await expect(page.getByText('The practice’s letterhead is not set yet')).toBeVisible();
  const overdue = page.getByTestId('open-request').first();
  await expect(overdue).toContainText('Corvin Ashdale');
  await expect(overdue).toContainText('Overdue by 10 days');
  // Too late to take the 30 more days: the notice had to go within the first 30.
  await overdue.getByRole('link', { name: 'Corvin Ashdale' }).click();
  await expect(page.getByTestId('request-due')).toContainText('Overdue by 10 days');
  await page.getByRole('button', { name: 'Extend by 30 days…' }).click();
  const extension = page.getByRole('form', { name: 'Extend by 30 days' });
  await extension.getByLabel('Patient told in writing on').fill(day(0));
  await extension.getByLabel('Reason given for the delay').fill('Records are in off-site storage');
  await extension.getByRole('button', { name: 'Record the extension' }).click();
  await expect(extension.getByText('The patient must be told of the delay within the first 30 days')).toBeVisible(); // prettier-ignore
  await shoot(page, 'overdue-request');
  await page.getByRole('link', { name: '‹ Releases' }).click();
  await page.getByRole('link', { name: 'Set the letterhead' }).click();
  await page.getByRole('button', { name: 'Save the letterhead' }).click();
  await expect(page.getByText('Enter the practice’s name as letters show it')).toBeVisible();
  await page.getByLabel('Practice name').fill('Maple Street Family Practice');
  await page.getByLabel('Practice address').fill('400 Maple Street\nSpringfield, IL 62704');
  await page.getByLabel('Practice phone').fill('(217) 555-0142');
  await page.getByRole('button', { name: 'Save the letterhead' }).click();
  await expect(page.getByText('Letterhead saved.')).toBeVisible();
  await shoot(page, 'letterhead');

  // From the patient's chart.
  await page.goto(`/patients/${PATIENT}`);
  const chartSection = page.getByRole('region', { name: 'Release of information' });
  await expect(chartSection).toContainText('No release requests for this patient');
  await shoot(page, 'chart');
  await chartSection.getByRole('link', { name: 'Release records…' }).click();
  await expect(page.getByRole('heading', { name: 'New release request', level: 1 })).toBeVisible();
  await expect(page.getByTestId('request-patient-chosen')).toContainText('Wrenna Halloway');

  // A subpoena named without its particulars is refused, field by field; nothing is stored.
  await page.getByLabel('Purpose').selectOption({ label: 'Court order, subpoena or other lawful process' }); // prettier-ignore
  await page.getByRole('button', { name: 'Save request' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'things to fix' });
  await expect(summary).toContainText('Requester: Enter who is asking for the records');
  await expect(summary).toContainText('Legal basis: Name the order, subpoena or law the release rests on'); // prettier-ignore
  await shoot(page, 'new-request');
  await page.getByLabel('Requester', { exact: true }).fill('Dana Whitfield');
  await page.getByLabel('Organisation').fill('Whitfield & Roe LLP');
  await page.getByLabel('Requester’s address').fill('12 Court Street\nSpringfield, IL 62701');
  await page.getByLabel('Records requested').fill('All records since 2024');
  await page.getByLabel('Legal basis').fill('Subpoena duces tecum, Case 2026-CV-0192, Sangamon County Circuit Court'); // prettier-ignore
  await page.getByLabel('Respond by').fill(day(10));
  await page.getByRole('button', { name: 'Save request' }).click();

  // The request's page: choose the documents, make the package, record the mailing.
  await expect(page.getByRole('heading', { name: 'Release request', level: 1 })).toBeVisible();
  await expect(page.getByTestId('request-status')).toHaveText('Received');
  await expect(page.getByTestId('request-due')).toContainText('10 days left');
  await expect(page.getByTestId('accounting-rule')).toContainText(
    'listed in the patient’s accounting',
  );
  await page.getByRole('checkbox', { name: 'All 2 documents' }).check();
  expect(await makeAndDownload(page, 2)).toBe(4);
  await expect(page.getByTestId('accounting-preview')).toHaveText('Recording it adds an entry to the patient’s accounting of disclosures.'); // prettier-ignore
  await page.getByRole('button', { name: 'Record the release' }).click();
  await expect(page.getByText('Choose how the records were delivered')).toBeVisible();
  await shoot(page, 'request');
  await page.getByLabel('Delivered').selectOption({ label: 'Mailed' });
  await page.getByLabel(/^Mailed to/).fill('Certified mail 9407 1112 0000');
  await page.getByRole('button', { name: 'Record the release' }).click();
  await expect(page.getByText('Release recorded. It is listed in the patient’s accounting of disclosures.')).toBeVisible(); // prettier-ignore
  await expect(page.getByTestId('request-status')).toHaveText('Released');
  const disclosure = page.getByTestId('disclosure');
  await expect(disclosure).toContainText('Mailed: Certified mail 9407 1112 0000');
  await expect(disclosure).toContainText('Office visit notes, March 2025');
  await expect(disclosure).toContainText('One package of 4 pages');
  await shoot(page, 'released');

  // The accounting lists it, with the standard purpose statement.
  await disclosure.getByRole('link', { name: 'See the accounting' }).click();
  await expect(page.getByRole('heading', { name: 'Accounting of disclosures', level: 1 })).toBeVisible(); // prettier-ignore
  const entries = page.getByTestId('accounting-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Dana Whitfield, Whitfield & Roe LLP');
  await expect(entries.first()).toContainText('All records since 2024');
  await expect(entries.first()).toContainText('Disclosed in response to a court order, subpoena or other lawful process (45 CFR 164.512(e)).'); // prettier-ignore
  const printed = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print the accounting' }).click();
  const accountingPdf = await readPdf(new Uint8Array(readFileSync(await (await printed).path())));
  expect(accountingPdf.title).toContain('Accounting of disclosures: Wrenna Halloway');
  const printedText = accountingPdf.pages.map((p) => p.text).join(' ');
  for (const words of [
    'Dana Whitfield',
    '12 Court Street',
    'All records since 2024',
    '1 disclosure listed.',
    'Page 1 of 1',
  ])
    // prettier-ignore
    expect(printedText).toContain(words);
  await shoot(page, 'accounting');

  // The front desk, on its own tablet, releases to the patient herself: on the 30-day clock.
  const desk = await Device.open(browser, server.url);
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await desk.page.goto(`/patients/${PATIENT}`);
  const deskChart = desk.page.getByRole('region', { name: 'Release of information' });
  await expect(deskChart.getByRole('link', { name: 'Dana Whitfield' })).toBeVisible();
  // The desk opens the lipid panel once (its file is then kept on the tablet), then the network
  // drops: the request, the package and the release are all made offline.
  await desk.page.getByRole('link', { name: 'Lipid panel, January 2026' }).click();
  await expect(desk.page.getByTestId('page-of')).toHaveText('Page 1 of 1');
  await desk.page.goBack();
  await desk.waitForOfflineReady();
  await desk.context.setOffline(true);
  await deskChart.getByRole('link', { name: 'Release records…' }).click();
  await desk.page.getByLabel('Requester', { exact: true }).fill('Wrenna Halloway');
  await desk.page.getByLabel('Requester’s address').fill('17 Orchard Row\nSpringfield, IL 62703');
  await desk.page.getByLabel('Records requested').fill('Her lipid results');
  await desk.page.getByLabel('Purpose').selectOption({ label: 'To the patient or their personal representative' }); // prettier-ignore
  await expect(desk.page.getByText('it must be answered within 30 days')).toBeVisible();
  await desk.page.getByRole('button', { name: 'Save request' }).click();
  await expect(desk.page.getByTestId('request-due')).toContainText('30 days left');
  await expect(desk.page.getByText('30 days from receipt (45 CFR 164.524(b)(2))')).toBeVisible();
  await shoot(desk.page, 'access-request');
  await desk.page.getByRole('checkbox', { name: /Lipid panel, January 2026/ }).check();
  expect(await makeAndDownload(desk.page, 1)).toBe(2);
  await desk.page.getByLabel('Delivered').selectOption({ label: 'Picked up in person' });
  await desk.page.getByLabel(/^Picked up by/).fill('The patient, photo ID checked');
  await desk.page.getByRole('button', { name: 'Record the release' }).click();
  await expect(desk.page.getByText('Its purpose is exempt: the accounting of disclosures does not list it.')).toBeVisible(); // prettier-ignore
  await expect(desk.page.getByTestId('disclosure-accounting')).toContainText('Not listed');
  await desk.context.setOffline(false);

  // On the office manager's tablet: both released, the accounting still lists only the subpoena.
  await openReleases(page);
  await expect(page.getByTestId('answered-request')).toHaveCount(2);
  await expect(page.getByTestId('answered-request').filter({ hasText: 'Wrenna Halloway' }).filter({ hasText: 'Not in the accounting (exempt)' })).toHaveCount(1); // prettier-ignore
  await expect(page.getByTestId('open-request')).toHaveCount(1);
  await shoot(page, 'list');
  await page.goto(`/filing/releases/accounting/${PATIENT}`);
  await expect(page.getByTestId('accounting-entry')).toHaveCount(1);
  await expect(page.getByText('1 such release on this device')).toBeVisible();

  // The overdue request is denied by the office manager, with the reason in writing.
  await openReleases(page);
  await page.getByTestId('open-request').getByRole('link', { name: 'Corvin Ashdale' }).click();
  await page.getByRole('button', { name: 'Deny…' }).click();
  const denial = page.getByRole('form', { name: 'Deny the request' });
  await denial.getByRole('button', { name: 'Deny the request' }).click();
  await expect(denial.getByText('Give the reason for the denial: the requester is told it in writing')).toBeVisible(); // prettier-ignore
  await denial.getByLabel('Reason for the denial').fill('The practice holds no immunization records for this patient'); // prettier-ignore
  await denial.getByRole('button', { name: 'Deny the request' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Denied');
  await expect(page.getByRole('region', { name: 'Denied' })).toContainText('The practice holds no immunization records'); // prettier-ignore
  await shoot(page, 'denied');
});
