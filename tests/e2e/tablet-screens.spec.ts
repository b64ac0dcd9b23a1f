import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { ADMIN, FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { CheckInBoard } from './pages/board.ts';
import { Device } from './pages/device.ts';
import {
  expectChoicesShownWhole,
  expectFieldsLineUp,
  expectFitsAndTouchable,
  expectOnOneLine,
  TABLET_SIZES,
} from './pages/tablet.ts';

/** The app's header: two rows at most on a tablet (brand, menu, sign-out; then sync, who). */
const HEADER_MAX_PX = 112;

async function expectCompactHeader(page: Page): Promise<void> {
  const box = await page.getByTestId('office-header').boundingBox();
  expect(box?.height, 'header height').toBeLessThanOrEqual(HEADER_MAX_PX);
}

/**
 * The main screens at both tablet orientations: nothing may overflow sideways, every control must
 * be reachable by touch (≥ 44 px), and a screenshot of each is kept for a person to look at
 * (tests/.artifacts/screenshots; `UPDATE_DOC_SCREENSHOTS=1` also refreshes the README's).
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => server.dispose());

for (const size of TABLET_SIZES) {
  test(`main screens fit a ${size.width}×${size.height} tablet`, async ({ browser }) => {
    const device = await Device.open(browser, server.url, size);
    const { page } = device;
    const shot = async (name: string) => {
      await expectFitsAndTouchable(page);
      await page.screenshot({ path: `${OUT}${name}-${size.name}.png` });
    };

    await page.goto('/login');
    await shot('login');

    await device.signIn(FRONT_DESK.username, FRONT_DESK.password);
    await expect(page.getByTestId('patient-row').first()).toBeVisible();
    await device.expectConnection('online');
    await shot('patients');

    await device.search('mar');
    await shot('patients-search');

    await page.getByRole('link', { name: 'Register patient' }).click();
    await page.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'things to fix' })).toBeVisible();
    await expectCompactHeader(page);
    await shot('register-errors');

    // Far down the long form, the sync state, Save and what is left to fix are still on
    // screen, and a section's link goes to its first problem, clear of the header.
    const form = page.getByRole('form', { name: 'Patient registration' });
    await page.locator('#section-people').evaluate((el) => el.scrollIntoView());
    await expect(page.getByTestId('sync-status')).toBeInViewport();
    await expect(form.getByRole('button', { name: 'Save patient' })).toBeInViewport();
    const problems = page.getByTestId('form-problems');
    await expect(problems).toBeInViewport();
    await expect(problems).toContainText('things to fix');
    await problems.getByRole('link', { name: /^Identity/ }).click();
    const firstName = form.getByLabel('First name', { exact: true });
    await expect(firstName).toBeFocused();
    await expect(firstName).toBeInViewport({ ratio: 1 });
    const header = await page.getByTestId('office-header').boundingBox();
    const field = await firstName.boundingBox();
    expect(field && header && field.y >= header.y + header.height, 'field under the header').toBe(
      true,
    );
    await shot('register-action-bar');

    // Each section of the form, with its conditional parts open (a plan whose subscriber is not
    // the patient, a privacy notice not obtained, a contact row).
    await form.getByLabel('Primary payer type').selectOption({ label: 'Commercial insurance' });
    await form.getByLabel("Patient's relationship to the subscriber").selectOption('spouse');
    // The privacy notice's answer is shown whole, whichever it is.
    await form.getByLabel(/^Acknowledgment/).selectOption('acknowledged');
    await expectChoicesShownWhole(page);
    await form.getByLabel(/^Acknowledgment/).selectOption('not-obtained');
    await form.getByRole('button', { name: 'Add an emergency contact' }).click();
    await form.getByRole('button', { name: 'Save patient' }).click();
    // Fields side by side line up, whatever their labels, hints and errors.
    await expectFieldsLineUp(form);
    await expectChoicesShownWhole(page);
    for (const section of ['identity', 'contact', 'coverage', 'consents', 'people']) {
      await page.locator(`#section-${section}`).evaluate((el) => el.scrollIntoView());
      await shot(`register-${section}`);
    }

    await device.openPatients();
    await page.getByTestId('patient-row').first().click();
    await expect(page.getByRole('heading', { name: 'Coverage' })).toBeVisible();
    // The chart number beside the chart's buttons is read whole, on one line.
    await expectOnOneLine(page.getByTestId('patient-chart-number'));
    await shot('patient');
    await page.getByRole('heading', { name: 'Coverage' }).evaluate((el) => el.scrollIntoView());
    await shot('patient-coverage');
    await page.getByRole('heading', { name: 'Consents' }).evaluate((el) => el.scrollIntoView());
    await shot('patient-consents');

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('#section-coverage').evaluate((el) => el.scrollIntoView());
    await expectFieldsLineUp(page.getByRole('form', { name: 'Edit patient' }));
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeInViewport();
    await shot('edit-coverage');

    // The check-in step, then the board with arrivals in two columns. Each size checks in
    // patients of its own (the server is shared): three more, one of them then roomed.
    const board = new CheckInBoard(page);
    await board.open();
    const first = size.name === 'portrait' ? 0 : 3;
    for (const nth of [first, first + 1, first + 2]) {
      await page.getByLabel('Check in a patient').fill('a');
      await page.getByTestId('check-in-candidate').nth(nth).click();
      await expect(page.getByTestId('readiness-consents')).toBeVisible();
      if (nth === first) await shot('check-in-confirm');
      await page.getByLabel('Appointment time').fill('09:30');
      await page.getByRole('button', { name: /^Check in/ }).click();
      await expect(page.getByTestId('board-notice')).toContainText('checked in');
    }
    const waiting = size.name === 'portrait' ? 3 : 5;
    await expect(board.column('waiting').getByTestId('visit-card')).toHaveCount(waiting);
    await board.column('waiting').getByRole('button', { name: 'In room' }).first().click();
    await expect(board.column('waiting').getByTestId('visit-card')).toHaveCount(waiting - 1);
    await shot('check-in-board');

    // The move to a room reaches the server first: signing out with it unsent asks to confirm.
    await device.expectPending(0);
    await device.signOut();
    await device.signIn(ADMIN.username, ADMIN.password, 'Sync');
    await page.getByRole('link', { name: 'Staff' }).click();
    await expect(page.getByTestId('staff-account').first()).toBeVisible();
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'things to fix' })).toBeVisible();
    await page
      .getByTestId('staff-account')
      .first()
      .getByRole('button', { name: 'Reset password' })
      .click();
    await shot('staff');

    if (process.env.UPDATE_DOC_SCREENSHOTS && size.name === 'portrait') {
      const docs = new URL('../../docs/screenshots/', import.meta.url).pathname;
      mkdirSync(docs, { recursive: true });
      copyFileSync(`${OUT}patients-portrait.png`, `${docs}patients-tablet.png`);
    }
    await device.close();
  });
}

for (const size of TABLET_SIZES) {
  test(`duplicate review, merge and change history fit a ${size.width}×${size.height} tablet`, async ({
    browser,
  }) => {
    const device = await Device.open(browser, server.url, size);
    const { page } = device;
    const shot = async (name: string) => {
      await expectFitsAndTouchable(page);
      await page.screenshot({ path: `${OUT}${name}-${size.name}.png` });
    };
    await device.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
    // The office manager's longer menu still fits the header in two rows.
    await expectCompactHeader(page);
    const portrait = size.name === 'portrait';
    const familyName = portrait ? 'Okonkwo-Lindqvist' : 'Abernathy-Sørlie';
    const dateOfBirth = portrait ? '04/09/1966' : '10/21/1958';
    await device.registerPatient({
      givenName: 'Marguerite',
      familyName,
      dateOfBirth,
      sex: 'Female',
      phone: portrait ? '(555) 201-0164' : '(555) 201-0165',
    });
    await device.editPatient({ email: portrait ? 'marguerite@example.net' : 'mg@example.net' });
    await device.expectPending(0);
    await page.getByRole('button', { name: 'Show change history' }).click();
    const history = page.getByTestId('history');
    await expect(history).toContainText('Email');
    await history.scrollIntoViewIfNeeded();
    await shot('patient-history');

    await device.openPatients();
    await device.registerPatient({
      givenName: 'Margarite',
      familyName,
      dateOfBirth,
      sex: 'Female',
      email: portrait ? 'm.second@example.org' : 'm.third@example.org',
    });
    await device.expectPending(0);
    await page.getByRole('link', { name: 'Duplicates' }).click();
    const pair = page
      .getByTestId('duplicate-pair')
      .filter({ hasText: `${familyName}, Marguerite` })
      .filter({ hasText: `${familyName}, Margarite` });
    await expect(pair).toBeVisible();
    await pair.scrollIntoViewIfNeeded();
    await expectCompactHeader(page);
    await shot('duplicates');

    await pair.getByRole('link', { name: 'Compare and merge' }).click();
    await expect(page.getByTestId('merge-fields')).toBeVisible();
    await shot('merge');
    await device.close();
  });
}

test('in split view the menu keeps two rows: what does not fit is one tap away behind More', async ({
  browser,
}) => {
  // A tablet app beside another in split view gets about two thirds of a 1024 px screen.
  const device = await Device.open(browser, server.url, { width: 600, height: 900 });
  const { page } = device;
  await device.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  // (While the first download runs, its progress may take a third line at this width.)
  await expect(page.getByTestId('sync-last')).toContainText('Last sync');
  await expectCompactHeader(page);
  const menu = page.getByRole('navigation', { name: 'Main' });
  // The role's daily work stays in the row, in the menu's order.
  await expect(menu.getByRole('link', { name: 'Patients' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Policies' })).toBeHidden();
  await menu.getByRole('button', { name: 'More' }).click();
  await page.screenshot({ path: `${OUT}main-menu-more-split-view.png` });
  await menu.getByRole('link', { name: 'Policies' }).click();
  await expect(page.getByRole('heading', { name: 'Policies', level: 1 })).toBeVisible();
  // Where the person is stays visible: More says it holds the current page; the list has closed.
  await expect(menu.getByRole('button', { name: 'More (current page)' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Policies' })).toBeHidden();
  await expectFitsAndTouchable(page);
  await device.close();
});
