import { expect, type Page, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';
import { PolicyScreens } from './pages/policies.page.ts';

/**
 * Policy manuals as the office meets them: the office manager adopts the starter manual, writes
 * a revision, two approvers sign it in order on their own tablets and the manager publishes it;
 * two tablets editing one draft with the network down both keep their words after sync; and an
 * approval given offline to a text edited meanwhile does not count.
 */
const CLINICIAN = { username: 'clinician', password: 'demo-clinician-2026' };

/** The starter manual, adopted by an earlier journey (and arrived here) or adopted now. */
async function adoptOnce(page: Page): Promise<void> {
  const adopt = page.getByRole('button', { name: 'Adopt the starter manual' });
  const library = page.getByRole('heading', { name: 'HIPAA privacy', level: 2 });
  await expect(adopt.or(library)).toBeVisible();
  if (await adopt.isVisible()) await adopt.click();
  await expect(library).toBeVisible();
}

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('adopt the starter manual, revise a policy, two approvers sign in order, publish', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const manager = await Device.open(browser, server.url);
  const screens = new PolicyScreens(manager.page);
  const { page } = manager;
  // The approvers have signed in on the manager's tablet before, so it knows their names.
  for (const person of [CLINICIAN, FRONT_DESK]) {
    await screens.signInToLibrary(person.username, person.password);
    await screens.signOut();
  }
  await screens.signInToLibrary(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await expect(page.getByRole('button', { name: 'Adopt the starter manual' })).toBeVisible();
  await screens.shoot('empty');

  await page.getByRole('button', { name: 'Adopt the starter manual' }).click();
  await expect(page.getByRole('heading', { name: 'HIPAA privacy', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: /PRIV-01 Notice of Privacy Practices Published/ })).toBeVisible(); // prettier-ignore
  await screens.shoot('library');

  await page.getByRole('link', { name: /^FD-01 / }).click();
  await expect(page.getByRole('heading', { name: 'Version 1, in force' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Version 1/ })).toContainText('Published'); // prettier-ignore
  await screens.shoot('policy-page');

  await page.getByLabel('What will change').fill('Ask for the insurance card at every visit');
  await page.getByLabel('Material change (staff acknowledge it again)').check();
  await page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2', level: 1 })).toBeVisible();
  await expect(screens.status).toHaveText('Draft');
  await screens.addParagraph('Ask every patient for their insurance card at each visit.');
  await page.getByLabel('Demo Clinician').check();
  await page.getByLabel('Demo Front Desk').check();
  await screens.shoot('draft');
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(screens.status).toHaveText('In review');
  const versionUrl = new URL(page.url()).pathname;

  // The second approver cannot sign before the first.
  const frontDesk = await Device.open(browser, server.url);
  const desk = new PolicyScreens(frontDesk.page);
  await desk.signInToLibrary(FRONT_DESK.username, FRONT_DESK.password);
  await frontDesk.page.goto(versionUrl);
  await expect(frontDesk.page.getByText('insurance card at each visit')).toBeVisible();
  await expect(frontDesk.page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const clinician = await Device.open(browser, server.url);
  const clinic = new PolicyScreens(clinician.page);
  await clinic.signInToLibrary(CLINICIAN.username, CLINICIAN.password);
  await clinician.page.goto(versionUrl);
  await expect(clinician.page.getByText('Waiting for your approval')).toBeVisible();
  await expect(clinician.page.getByText('I have read this version and approve it for publication')).toBeVisible(); // prettier-ignore
  await clinic.shoot('approve');
  await clinician.page.getByRole('button', { name: 'Approve' }).click();
  await expect(clinician.page.getByText('Your approval is recorded')).toBeVisible();

  await expect(frontDesk.page.getByText('Waiting for your approval')).toBeVisible();
  await frontDesk.page.getByRole('button', { name: 'Approve' }).click();
  await expect(desk.status).toHaveText('Approved');

  await expect(screens.status).toHaveText('Approved');
  await page.setViewportSize({ width: 1024, height: 768 });
  await screens.shoot('publish');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(screens.status).toHaveText('Published');
  await page.getByRole('link', { name: /FD-01/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Version 2, in force' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Version 1/ })).toContainText('Superseded'); // prettier-ignore
  await screens.shoot('superseded');
  await page.goto('/policies');
  await expect(page.getByRole('heading', { name: 'HIPAA privacy', level: 2 })).toBeVisible();

  await Promise.all([manager.close(), frontDesk.close(), clinician.close()]);
});

test('two tablets editing one draft offline both keep their text after sync', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  const [screensA, screensB] = [new PolicyScreens(a.page), new PolicyScreens(b.page)];
  await screensA.signInToLibrary(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await screensB.signInToLibrary(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  // Adopted by the first journey, or here.
  await adoptOnce(a.page);
  await a.page.getByRole('link', { name: /^OSHA-01 / }).click();
  await a.page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(screensA.status).toHaveText('Draft');
  const url = new URL(a.page.url()).pathname;
  await b.page.goto(url);
  await expect(screensB.status).toHaveText('Draft');
  await a.waitForOfflineReady();
  await b.waitForOfflineReady();

  await a.goOffline();
  await b.goOffline();
  await screensA.addParagraph(
    'Sharps containers are replaced when three quarters full (tablet A).',
  );
  await screensB.addParagraph('Eyewash stations are flushed every week (tablet B).');
  await a.goOnline();
  await b.goOnline();

  for (const screens of [screensA, screensB]) {
    await expect(screens.editor.getByText('(tablet A)')).toHaveCount(1, { timeout: 30_000 });
    await expect(screens.editor.getByText('(tablet B)')).toHaveCount(1, { timeout: 30_000 });
  }
  await Promise.all([a.close(), b.close()]);
});

test('an approval given offline to a text edited meanwhile does not count', async ({ browser }) => {
  test.setTimeout(150_000);
  const manager = await Device.open(browser, server.url);
  const screens = new PolicyScreens(manager.page);
  const { page } = manager;
  for (const person of [CLINICIAN, FRONT_DESK]) {
    await screens.signInToLibrary(person.username, person.password);
    await screens.signOut();
  }
  await screens.signInToLibrary(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await adoptOnce(page);
  await page.getByRole('link', { name: /^FD-02 / }).click();
  await page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(screens.status).toHaveText('Draft');
  await page.getByLabel('Demo Clinician').check();
  await page.getByLabel('Demo Front Desk').check();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(screens.status).toHaveText('In review');
  const url = new URL(page.url()).pathname;

  const clinician = await Device.open(browser, server.url);
  const clinic = new PolicyScreens(clinician.page);
  await clinic.signInToLibrary(CLINICIAN.username, CLINICIAN.password);
  await clinician.page.goto(url);
  await expect(clinician.page.getByText('Waiting for your approval')).toBeVisible();
  await clinician.waitForOfflineReady();
  await clinician.goOffline();

  // The manager edits while the clinician, offline, still reads the text as sent.
  await screens.addParagraph('Added while the first approver was reading.');
  await clinician.page.getByRole('button', { name: 'Approve' }).click();
  await expect(clinician.page.getByText('Your approval is recorded')).toBeVisible();
  await clinician.goOnline();

  await expect(clinician.page.getByText(/^Needs your approval again/)).toBeVisible({
    timeout: 30_000,
  });
  await clinic.shoot('approve-again');
  await expect(page.getByText('Approved an earlier text: needs approval again')).toBeVisible({
    timeout: 30_000,
  });
  await expect(screens.status).toHaveText('In review');
  await Promise.all([manager.close(), clinician.close()]);
});
