import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { CheckInBoard } from './pages/board.ts';
import { Device } from './pages/device.ts';
import { expectFitsAndTouchable, TABLET_SIZES } from './pages/tablet.ts';

/**
 * What a new receptionist and a screen-reader user meet on the registration form, the check-in
 * board and the audit trail: every field and button says what it belongs to, the privacy notice
 * proposes the practice's current version and today, the payers already typed are offered, and
 * the audit trail names the patient a check-in was for. Screenshots at both tablet sizes go to
 * tests/.artifacts/screenshots for a person to look at.
 */
const OUT = new URL('../.artifacts/screenshots/', import.meta.url).pathname;
/** The notice the demo clinic's patients were all offered (sync-server/src/demo). */
const DEMO_NOTICE_VERSION = '2025-09';

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
  mkdirSync(OUT, { recursive: true });
});
test.afterAll(async () => server.dispose());

/** The accessible names of a region's form controls, from the accessibility tree. */
async function controlNames(region: Locator): Promise<string[]> {
  const tree = await region.ariaSnapshot();
  return [...tree.matchAll(/- (?:textbox|combobox|checkbox|searchbox|spinbutton) "([^"]*)"/g)].map(
    (match) => match[1] ?? '',
  );
}

/** Today on the browser's clock, as the form writes dates. */
async function todayOnDevice(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(now.getMonth() + 1)}/${two(now.getDate())}/${now.getFullYear()}`;
  });
}

for (const size of TABLET_SIZES) {
  test(`registration fields say what they belong to and propose what the practice uses (${size.width}×${size.height})`, async ({
    browser,
  }) => {
    const desk = await Device.open(browser, server.url, size);
    const { page } = desk;
    await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
    await expect(page.getByTestId('patient-row').first()).toBeVisible();
    await page.getByRole('link', { name: 'Register patient' }).click();
    const form = page.getByRole('form', { name: 'Patient registration' });

    // A payer typed once is offered from the next registration on.
    const primary = form.getByTestId('plan-primary');
    const knownPayers = () => primary.getByTestId('known-payers-primary').locator('option');
    const newPayer = size.name === 'portrait' ? 'Blue Heron Health' : 'Kestrel Valley Health';
    await form.getByLabel('First name', { exact: true }).fill('Temperance');
    await form.getByLabel('Last name', { exact: true }).fill(`Payerfield ${size.name}`);
    await form.getByLabel('Date of birth', { exact: true }).fill('03/14/1979');
    await form.getByLabel('Administrative sex').selectOption({ label: 'Female' });
    await primary.getByLabel('Primary payer type').selectOption({ label: 'Commercial insurance' });
    await expect(knownPayers().and(page.locator(`[value="${newPayer}"]`))).toHaveCount(0);
    await primary.getByLabel('Insurance company').fill(newPayer);
    await primary.getByLabel('Member id').fill('BHH448120937');
    await form.getByRole('button', { name: 'Save patient' }).click();
    await expect(page.getByTestId('patient-name')).toContainText('Temperance');
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    await primary.getByLabel('Primary payer type').selectOption({ label: 'Commercial insurance' });
    await expect(knownPayers().and(page.locator(`[value="${newPayer}"]`))).toHaveCount(1);

    // Every conditional part open: two plans whose subscriber is not the patient, two contacts,
    // two previous names.
    // One entry means "the patient is the subscriber", and it is what an untouched plan says.
    const relationship = primary.getByLabel("Patient's relationship to the subscriber");
    await expect(relationship.locator('option')).toHaveText([
      'Self (the patient is the subscriber)',
      'Spouse',
      'Child',
      'Other',
    ]);
    await expect(relationship).toHaveValue('self');
    await relationship.selectOption('spouse');
    await form.getByRole('button', { name: 'Add secondary plan' }).click();
    const secondary = form.getByTestId('plan-secondary');
    await secondary.getByLabel('Secondary payer type').selectOption({ label: 'Commercial insurance' }); // prettier-ignore
    await secondary.getByLabel("Patient's relationship to the subscriber").selectOption('child');
    for (let i = 0; i < 2; i++) {
      await form.getByRole('button', { name: 'Add an emergency contact' }).click();
      await form.getByRole('button', { name: 'Add a previous name' }).click();
    }

    const names = await controlNames(form);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    expect(repeated, 'fields sharing a name').toEqual([]);
    for (const name of [
      'Telehealth consent: Version',
      'Telehealth consent: Date',
      'Financial policy: Version',
      'Home address: City',
      'Mailing address: City',
      'Mailing address: ZIP code',
      'Primary plan subscriber: Street address',
      'Secondary plan subscriber: City',
      'Contact 2: Relationship',
    ])
      await expect(form.getByRole('textbox', { name, exact: true }).or(form.getByRole('combobox', { name, exact: true }))).toHaveCount(1); // prettier-ignore
    await expect(form.getByRole('button', { name: 'Remove contact 2', exact: true })).toHaveCount(
      1,
    );

    // The practice's payers, each once, offered for the plan; one typed differently is written
    // as the practice writes it.
    const payer = primary.getByRole('combobox', { name: 'Primary plan: Insurance company' });
    const known = await primary
      .getByTestId('known-payers-primary')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(known).toContain('Cascade Mutual Health');
    expect(new Set(known.map((name) => name.toLowerCase())).size).toBe(known.length);
    await payer.fill('  cascade mutual   HEALTH');
    await payer.blur();
    await expect(payer).toHaveValue('Cascade Mutual Health');

    // The privacy notice: optional until an answer is chosen, then required and proposed.
    await form.locator('#section-consents').evaluate((el) => el.scrollIntoView());
    await expect(form.getByRole('textbox', { name: 'Notice version (optional)', exact: true })).toBeVisible(); // prettier-ignore
    await expect(form.getByRole('textbox', { name: 'Date offered (optional)', exact: true })).toBeVisible(); // prettier-ignore
    await form.getByLabel(/^Acknowledgment/).selectOption({ label: 'Acknowledgment obtained' });
    await expect(form.getByRole('textbox', { name: 'Notice version', exact: true })).toHaveValue(DEMO_NOTICE_VERSION); // prettier-ignore
    await expect(form.getByRole('textbox', { name: 'Date offered', exact: true })).toHaveValue(await todayOnDevice(page)); // prettier-ignore
    await expect(form.getByRole('combobox', { name: 'Acknowledgment', exact: true })).toBeVisible(); // prettier-ignore
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}names-register-consents-${size.name}.png` });
    await primary.evaluate((el) => el.scrollIntoView());
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}names-register-coverage-${size.name}.png` });

    await desk.close();
  });
}

for (const size of TABLET_SIZES) {
  test(`the board's buttons name the patient, and the audit trail names whom a check-in was for (${size.width}×${size.height})`, async ({
    browser,
  }) => {
    const desk = await Device.open(browser, server.url, size);
    const { page } = desk;
    await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);
    await expect(page.getByTestId('patient-row').first()).toBeVisible();
    const board = new CheckInBoard(page);
    await board.open();
    // Each size checks in a demo patient of its own (the server is shared).
    await page.getByLabel('Check in a patient').fill('a');
    const candidate = page.getByTestId('check-in-candidate').nth(size.name === 'portrait' ? 0 : 1);
    const [familyName = '', givenName = ''] = (await candidate.locator('.name').innerText()).split(', '); // prettier-ignore
    await candidate.click();
    await page.getByLabel('Appointment time').fill('09:30');
    await page.getByRole('button', { name: /^Check in/ }).click();
    await expect(page.getByTestId('board-notice')).toContainText('checked in');

    const who = `${givenName} ${familyName}`;
    const waiting = board.card('waiting', familyName, givenName);
    await expect(waiting.getByRole('button', { name: `In room: ${who}`, exact: true })).toBeVisible(); // prettier-ignore
    await expect(waiting.getByRole('button', { name: `Left without being seen: ${who}`, exact: true })).toBeVisible(); // prettier-ignore
    await expectFitsAndTouchable(page);
    await page.screenshot({ path: `${OUT}names-check-in-board-${size.name}.png` });
    await waiting.getByRole('button', { name: `In room: ${who}`, exact: true }).click();
    const inRoom = board.card('in-room', familyName, givenName);
    await expect(inRoom.getByRole('button', { name: `Check out: ${who}`, exact: true })).toBeVisible(); // prettier-ignore
    await expect(inRoom.getByRole('button', { name: `Back to waiting: ${who}`, exact: true })).toBeVisible(); // prettier-ignore
    await desk.expectPending(0);
    await desk.close();

    const manager = await Device.open(browser, server.url, size);
    await manager.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
    await expect(manager.page.getByTestId('patient-row').first()).toBeVisible();
    await manager.page.getByRole('link', { name: 'Audit', exact: true }).click();
    await expect(manager.page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
    const rows = manager.page.getByTestId('audit-entry');
    const checkIn = rows.filter({ hasText: `Check-in: ${who}` });
    await expect(async () => {
      await manager.page.getByRole('button', { name: 'Show' }).click();
      await expect(checkIn.filter({ hasText: 'Created' })).toHaveCount(1, { timeout: 1000 });
    }).toPass();
    await expect(checkIn.filter({ hasText: 'Changed' }).first()).toBeVisible();
    await expect(rows.filter({ hasText: /Created\s*—/ })).toHaveCount(0);
    // One time per entry: a view this device reported as it happened (its clock and the
    // server's a few milliseconds apart) shows no second, device time.
    const viewed = rows.filter({ hasText: 'Viewed' }).filter({ hasText: 'This device' }).first();
    await expect(viewed).toBeVisible();
    await expect(viewed.getByRole('cell').first()).not.toContainText('on device');
    // The patient filter looks like the username filter beside it.
    const look = (field: Locator) =>
      field.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.height, style.fontSize, style.borderTopWidth, style.borderTopColor, style.borderRadius]; // prettier-ignore
      });
    expect(await look(manager.page.getByLabel('Patient'))).toEqual(
      await look(manager.page.getByLabel('Username')),
    );
    await expectFitsAndTouchable(manager.page);
    await manager.page.screenshot({ path: `${OUT}names-audit-${size.name}.png` });
    await manager.close();
  });
}
