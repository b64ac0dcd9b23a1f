import { expect, type Locator, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { syntheticPhotoPng } from './fixtures/synthetic-photo.ts';
import { Device } from './pages/device.ts';

/**
 * A receptionist registers a new patient with two insurance plans and photographs both sides of
 * the primary card, all with the network down. Everything is saved on the tablet at once; when
 * the network returns the record and the card images go up, and a second tablet sees both plans
 * and downloads the card images when it opens the patient.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('register with two plans and card photos while offline; another tablet sees them after sync', async ({
  browser,
}) => {
  const tabletA = await Device.open(browser, server.url);
  const tabletB = await Device.open(browser, server.url);
  await tabletA.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletB.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletA.waitForOfflineReady();
  await tabletA.goOffline();
  await tabletA.expectConnection('offline');

  const { page } = tabletA;
  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Patient registration' });
  await form.getByLabel('First name', { exact: true }).fill('Ottoline');
  await form.getByLabel('Last name', { exact: true }).fill('Farrowdale');
  await form.getByLabel('Date of birth', { exact: true }).fill('04/22/1961');
  await form.getByLabel('Administrative sex').selectOption({ label: 'Female' });
  await form.getByLabel('Mobile phone').fill('(503) 555-0142');

  const primary = form.getByTestId('plan-primary');
  await primary.getByLabel('Primary payer type').selectOption({ label: 'Commercial insurance' });
  await primary.getByLabel('Insurance company').fill('Cascade Mutual Health');
  await primary.getByLabel('Member id').fill('cmh-448120937');
  await primary.getByLabel('Primary plan: Group number').fill('G20931');
  await primary.getByLabel('Primary plan: Copay').fill('$30');
  await photograph(page, primary, 'Photograph card front', syntheticPhotoPng(2000, 1260));
  await photograph(page, primary, 'Photograph card back', syntheticPhotoPng(1800, 1134));
  await expect(primary.getByTestId('card-image')).toHaveCount(2);

  await form.getByRole('button', { name: 'Add secondary plan' }).click();
  const secondary = form.getByTestId('plan-secondary');
  await secondary.getByLabel('Secondary payer type').selectOption({ label: 'Medicaid' });
  await secondary.getByLabel('Insurance company').fill('Oregon Health Plan');
  // A Medicaid id too short is caught on the form, with the field named.
  await secondary.getByLabel('Member id').fill('12345');
  await form.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'One thing to fix' })).toContainText(
    'Secondary plan member id: A Medicaid id has 6 to 14 letters or digits',
  );
  await secondary.getByLabel('Member id').fill('OHP7731905');
  await form.getByRole('button', { name: 'Save patient' }).click();

  await expect(page.getByTestId('patient-name')).toContainText('Ottoline Farrowdale');
  await expectPlans(page);
  await expect(page.getByTestId('card-image')).toHaveCount(2);
  // The record and both card images wait for the network.
  await tabletA.expectPending(3);

  await tabletA.goOnline();
  await tabletA.expectPending(0);

  await tabletB.search('Farrowdale');
  await tabletB.patientRow('Farrowdale', 'Ottoline').click();
  await expectPlans(tabletB.page);
  const cards = tabletB.page.getByTestId('card-image');
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) await expectLoaded(card);

  await tabletA.close();
  await tabletB.close();
});

async function photograph(page: Page, plan: Locator, button: string, png: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await plan.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: 'card.png', mimeType: 'image/png', buffer: png });
}

async function expectPlans(page: Page) {
  const primary = page.getByTestId('coverage-primary');
  await expect(primary).toContainText('Primary: Cascade Mutual Health');
  await expect(primary).toContainText('CMH-448120937');
  await expect(primary).toContainText('$30.00');
  const secondary = page.getByTestId('coverage-secondary');
  await expect(secondary).toContainText('Secondary: Oregon Health Plan');
  await expect(secondary).toContainText('OHP7731905');
}

/** The card image has actually loaded (downloaded from the server on this tablet). */
async function expectLoaded(image: Locator) {
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1600);
}
