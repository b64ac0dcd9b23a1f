import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { disposeKeepingLogOfFailure } from './pages/server-log.ts';
import { OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { pushRecords, RetentionScreens, signedInEditor } from './pages/retention.page.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * Issue 12.7: the office manager sets a retention rule, places a legal hold on a patient, and
 * the hold keeps that patient's document past its retention from being destroyed — on the
 * server, even from a tablet whose list was made before the hold. Once the hold is released the
 * document is destroyed after a confirmation, and it leaves the documents list of another
 * signed-in tablet. Every retention screen is shot at both tablet sizes
 * (tests/.artifacts/screenshots/retention-*.png) and checked with axe.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
const id = (n: number) => `019d2000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const PATIENT = id(1);
const CLINICAL = id(10);
const LABS = id(11);
const PRACTICE = id(12);
const OLD_LAB = 'Outside lab report, March 2005';
const RECENT = 'Referral letter, January 2026';
const UNDATED = 'Hospital discharge summary (undated)';
const REASON = 'Records request from the patient’s attorney';

let server: ClinicServer;
test.beforeEach(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterEach(() => disposeKeepingLogOfFailure(server));

/** The screen at both sizes: fits, touchable, no axe violation, and a screenshot to look at. */
async function shoot(screens: RetentionScreens, name: string): Promise<void> {
  const { page } = screens;
  for (const size of TABLET_SIZES) {
    await page.setViewportSize(size);
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}retention-${name}-${size.name}.png`, fullPage: true });
  }
  await page.setViewportSize(TABLET_SIZES[0]);
  await screens.expectAccessible();
}

/** A synthetic patient and three of their documents, as other tablets filed them. */
async function seed(device: Device): Promise<void> {
  const by = await signedInEditor(device.page);
  const stamp = { at: '2026-01-12T15:00:00.000Z', by };
  await pushRecords(device.page, 'patients', [
    {
      id: PATIENT,
      kind: 'patient',
      givenName: 'Wrenna',
      familyName: 'Halloway',
      dateOfBirth: '1961-07-04',
      sex: 'female',
    },
  ]);
  const filed = (n: number, title: string, documentDate?: string) => ({
    id: id(n),
    kind: 'filedDocument',
    title,
    ...(documentDate && { documentDate }),
    patientId: PATIENT,
    categoryId: LABS,
    source: 'upload',
    versions: {},
    captured: stamp,
    filed: stamp,
  });
  await pushRecords(device.page, 'filing', [
    { id: CLINICAL, kind: 'category', name: 'Clinical', order: 1 },
    { id: LABS, kind: 'category', name: 'Labs', parentId: CLINICAL },
    { id: PRACTICE, kind: 'category', name: 'Practice', order: 2 },
    filed(100, OLD_LAB, '2005-03-01'),
    filed(101, RECENT, '2026-01-10'),
    filed(102, UNDATED),
  ]);
}

test('a legal hold on a patient keeps their old document from destruction until it is released; then it is destroyed everywhere', async ({
  browser,
}) => {
  // Two tablets, five screens at two sizes each, and a server judging every step: long.
  test.setTimeout(300_000);
  // The office manager's tablet: rules and holds.
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await seed(office);
  const screens = new RetentionScreens(office.page);

  // No rule yet: the review lists nothing.
  await screens.open('Disposition review');
  await expect(office.page.getByRole('heading', { name: 'Due for destruction (0)' })).toBeVisible();

  await screens.open('Retention rules');
  await expect(office.page.getByTestId('not-legal-advice')).toContainText(
    'The practice sets its own numbers',
  );
  // The rule's own numbers are checked as they are typed.
  await office.page.getByRole('button', { name: 'Add a rule' }).click();
  const form = office.page.getByRole('form', { name: 'New retention rule' });
  await form.getByLabel('Years', { exact: true }).fill('7.5');
  await expect(
    form.getByText('Keep documents for a whole number of years, from 0 to 100'),
  ).toBeVisible();
  await form.getByRole('radio', { name: /^After the patient comes of age/ }).check();
  await expect(form.getByLabel(/^Age of majority/)).toBeVisible();
  await form.getByLabel('Years', { exact: true }).fill('10');
  await expect(office.page.getByTestId('rule-preview')).toHaveText(
    'Kept 10 years after the patient turns 18.',
  );
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByText('Give the rule a name staff will recognise')).toBeVisible();
  await shoot(screens, 'rule-form');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // The suggested defaults, each with its source, placed on the tree by name.
  await office.page.getByRole('button', { name: 'Start from the suggested defaults' }).click();
  const defaults = office.page.getByTestId('suggested-defaults');
  await expect(defaults).toContainText('Not legal advice.');
  const clinical = defaults.getByTestId('suggestion').filter({ hasText: 'Patient records' });
  await expect(clinical).toContainText('Kept 10 years after the patient’s last visit');
  await expect(clinical).toContainText('Source: State law sets it');
  await expect(clinical.getByLabel('Put it on')).toHaveValue(CLINICAL);
  await shoot(screens, 'suggested-defaults');
  await defaults.getByRole('button', { name: 'Cancel' }).click();

  await screens.addRule({
    name: 'Clinical records',
    category: 'Clinical',
    basis: 'After the document date',
    years: '10',
    citation: 'State medical board rule (synthetic example)',
  });
  await expect(screens.ruleRow('Clinical records')).toContainText(
    'Everything filed under Clinical',
  );
  await expect(screens.ruleRow('Clinical records')).toContainText(
    'Kept 10 years after the document date',
  );
  await office.expectPending(0);
  await shoot(screens, 'rules');

  // The second office tablet opens the review: the 2005 lab is due, the undated one cannot be dated.
  const review = await Device.open(browser, server.url);
  await review.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  const desk = new RetentionScreens(review.page);
  await desk.open('Disposition review');
  await expect(desk.dueEntry(OLD_LAB)).toContainText('Wrenna Halloway');
  await expect(desk.dueEntry(OLD_LAB)).toContainText('Retention ended Mar 1, 2015');
  await expect(desk.dueEntry(OLD_LAB)).toContainText('Rule: Clinical records');
  await expect(desk.dueEntry(RECENT)).toHaveCount(0);
  await expect(desk.unknownEntry(UNDATED)).toContainText('The document has no document date');
  await expect(
    desk.unknownEntry(UNDATED).getByRole('link', { name: /^Add the document date/ }),
  ).toHaveAttribute('href', `/filing/documents/${id(102)}`);
  await shoot(desk, 'review');

  // The confirmation names the document and what cannot be undone; Escape keeps it.
  const dialog = await desk.askToDestroy(OLD_LAB);
  await expect(dialog.getByRole('heading', { name: `Destroy “${OLD_LAB}”?` })).toBeVisible();
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toContainText('The audit trail keeps a record of the destruction');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await review.page.screenshot({ path: `${OUT}retention-destroy-dialog-portrait.png` });
  await review.page.keyboard.press('Escape');
  await expect(desk.dialog).toBeHidden();
  await expect(desk.dueEntry(OLD_LAB)).toBeVisible();

  // Meanwhile, on the office tablet, a legal hold on the patient: from her chart, the form
  // opens with her chosen.
  await office.page.goto(`/patients/${PATIENT}`);
  await office.page
    .getByTestId('patient-documents')
    .getByRole('link', { name: 'Place a legal hold…' })
    .click();
  await expect(
    office.page.getByRole('radio', { name: 'All documents of a patient' }),
  ).toBeChecked();
  await expect(office.page.getByTestId('hold-covers')).toHaveText(
    'Covers: All documents of Wrenna Halloway, now and later',
  );
  await screens.open('Legal holds');
  const hold = await screens.fillHoldOnPatient(
    'hallow',
    'Wrenna Halloway',
    REASON,
    'Claim 2026-114',
  );
  await expect(office.page.getByTestId('hold-covers')).toHaveText(
    'Covers: All documents of Wrenna Halloway, now and later',
  );
  await shoot(screens, 'hold-form');
  await hold.getByRole('button', { name: 'Place hold' }).click();
  await expect(screens.standingHold(REASON)).toContainText(
    'All documents of Wrenna Halloway, now and later',
  );
  await expect(screens.standingHold(REASON)).toContainText('Matter: Claim 2026-114');
  await expect(screens.standingHold(REASON)).toContainText('3 documents on this device');
  await office.expectPending(0);
  await shoot(screens, 'holds');
  // Her chart now says so instead of offering another hold.
  await office.page.goto(`/patients/${PATIENT}`);
  const chartHold = office.page.getByTestId('patient-documents').getByTestId('under-legal-hold');
  await expect(chartHold).toContainText(`Under legal hold since `);
  await expect(chartHold).toContainText(`: ${REASON}.`);
  await chartHold.getByRole('link', { name: 'Legal holds' }).click();

  // The review tablet's list predates the hold: destroying is refused by the server, in words,
  // and the document moves under "held" with the hold's reason.
  await (
    await desk.askToDestroy(OLD_LAB)
  )
    .getByRole('button', { name: 'Destroy for good' })
    .click();
  await expect(review.page.getByTestId('review-refusal')).toHaveText(
    `“${OLD_LAB}” was not destroyed: a legal hold applies to it. It is kept until the hold is released.`,
  );
  await expect(desk.heldEntry(OLD_LAB)).toContainText(REASON);
  await expect(desk.dueEntry(OLD_LAB)).toHaveCount(0);
  await shoot(desk, 'review-held');

  // Offline, the review says it needs the server and keeps showing the last list.
  await review.goOffline();
  await desk.refresh();
  await expect(review.page.getByTestId('review-problem')).toContainText(
    'The disposition review needs a connection to the server',
  );
  await expect(review.page.getByTestId('review-problem')).toContainText(
    'Below is the list as it was',
  );
  await expect(desk.heldEntry(OLD_LAB)).toBeVisible();
  await shoot(desk, 'review-offline');
  await review.goOnline();

  // The office tablet releases the hold, after a confirmation.
  await screens
    .standingHold(REASON)
    .getByRole('button', { name: /^Release/ })
    .click();
  await expect(screens.standingHold(REASON)).toContainText('Release this hold?');
  await screens.standingHold(REASON).getByRole('button', { name: 'Yes, release the hold' }).click();
  await expect(screens.releasedHold(REASON)).toContainText('Released');
  await expect(office.page.getByRole('heading', { name: 'Standing holds (0)' })).toBeVisible();
  await office.expectPending(0);

  // Now it is due again, and destroyed.
  await expect(async () => {
    await desk.refresh();
    await expect(desk.dueEntry(OLD_LAB)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await (
    await desk.askToDestroy(OLD_LAB)
  )
    .getByRole('button', { name: 'Destroy for good' })
    .click();
  await expect(review.page.getByTestId('review-notice')).toContainText(
    `“${OLD_LAB}” was destroyed, with every version of its file`,
  );
  await expect(desk.dueEntry(OLD_LAB)).toHaveCount(0);
  await desk.refresh();
  await expect(desk.dueEntry(OLD_LAB)).toHaveCount(0);
  await expect(desk.heldEntry(OLD_LAB)).toHaveCount(0);

  // The office tablet's documents list loses it as the destruction syncs; the others stay.
  await office.page
    .getByRole('navigation', { name: 'Filing' })
    .getByRole('link', { name: 'Documents' })
    .click();
  await expect(office.page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  await expect(office.page.getByTestId('document-row').filter({ hasText: RECENT })).toBeVisible();
  await expect(office.page.getByTestId('document-row').filter({ hasText: OLD_LAB })).toHaveCount(0);
  await review.close();
  await office.close();
});
