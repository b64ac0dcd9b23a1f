import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { canonicalPolicyContent } from '@clinicdesk/shared/policies/canonical-policy-content.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { signIn, type Session } from '../fault/session.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { ADMIN, FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { readPolicyTree } from '../../web/src/lib/policies/print/policy-render.ts';
import { h, p, policyTextFrom } from '../../web/src/lib/policies/print/policy-text.fixture.ts';
import { AcknowledgmentsScreen } from './pages/acknowledgments.page.ts';
import { Device } from './pages/device.ts';

/**
 * Acknowledgments (issue 13, point 6): the office manager assigns a published policy to the
 * front desk; two front-desk people acknowledge it one after the other on one offline reception
 * tablet without signing it out; after sync the office manager's report shows both. The policy
 * is put on the server as the office manager's device would push it (the library's screens are
 * another journey's).
 */
let server: ClinicServer;
let manager: Session;
const MANAGER_DEVICE = '019abc00-0000-7000-8000-0000000e2e61';
const ROSA = { username: 'rdelgado', password: 'copper kettle harbour 19', name: 'Rosa Delgado' };
const POLICY_ID = '019abc00-0000-7000-8000-0000000e2e62';
const POLICY = 'FD-03 Greeting and identifying patients';
/** Published 330 days ago: with a 12-month interval its review is due in about a month. */
const STAMP = new Date(Date.now() - 330 * 86_400_000).toISOString();

async function push(collection: string, docs: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${server.url}/api/sync/v1/${collection}/push`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: manager.cookie,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [DEVICE_HEADER]: MANAGER_DEVICE,
    },
    body: JSON.stringify({ rows: docs.map((doc) => ({ newDocumentState: doc })) }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ conflicts: [], rejected: [] });
}

test.beforeAll(async () => {
  server = await ClinicServer.start();
  const admin = await signIn(server.url, ADMIN, '019abc00-0000-7000-8000-0000000e2e63');
  const created = await fetch(`${server.url}/api/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie },
    body: JSON.stringify({ username: ROSA.username, displayName: ROSA.name, role: 'front-desk', password: ROSA.password }), // prettier-ignore
  });
  expect(created.status).toBe(201);
  manager = await signIn(server.url, OFFICE_MANAGER, MANAGER_DEVICE);
  const text = policyTextFrom(h(1, 'Identifying a patient'), p('Ask for two identifiers: full name and date of birth.')); // prettier-ignore
  const tree = await readPolicyTree(text);
  const base = (id: string, kind: string) => ({ id, kind, createdAt: STAMP, updatedAt: STAMP, _deleted: false }); // prettier-ignore
  const version = { policyId: POLICY_ID, versionNumber: 1 };
  await push('policies', [
    { ...base('manual-e2e-front-desk', 'manual'), title: 'Front desk', slug: 'front-desk', order: 0, readableSignedOut: false, approvers: [] }, // prettier-ignore
    { ...base(POLICY_ID, 'policy'), manualId: 'manual-e2e-front-desk', number: 'FD-03', title: 'Greeting and identifying patients', ownerStaffId: manager.user.id, area: 'Front desk', legalReferences: ['45 CFR 164.514(h)'], reviewIntervalMonths: 12, order: 3 }, // prettier-ignore
    {
      ...base(versionIdOf(POLICY_ID, 1), 'policyVersion'),
      ...version,
      status: 'published',
      effectiveOn: STAMP.slice(0, 10),
      materialChange: true,
      text,
      contentHash: createHash('sha256').update(canonicalPolicyContent(version, tree)).digest('hex'),
      reviewRound: 1,
      approvers: [],
      authors: [],
      publishedAt: STAMP,
    },
  ]);
});
test.afterAll(async () => server.dispose());

async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `tests/.artifacts/screenshots/acknowledgments-${name}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]); // prettier-ignore
}

test('two front-desk people acknowledge on one offline tablet; the office manager’s report shows both after sync', async ({
  browser,
}) => {
  const office = await Device.open(browser, server.url);
  const report = new AcknowledgmentsScreen(office.page);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await report.openReport();
  await report.assign(`${POLICY} — version 1`, 'Front desk', 14);
  await office.expectPending(0);
  await expectAccessible(office.page);

  // Rosa has signed in on the reception tablet before: she is one of its people.
  const tablet = await Device.open(browser, server.url);
  const screen = new AcknowledgmentsScreen(tablet.page);
  await tablet.signIn(ROSA.username, ROSA.password);
  await expect(screen.homePanel.getByRole('link', { name: new RegExp(POLICY) })).toContainText('Due'); // prettier-ignore
  await screenshots(tablet.page, 'home-panel');
  await expectAccessible(tablet.page);
  await tablet.signOut();

  await tablet.signIn(FRONT_DESK.username, FRONT_DESK.password);
  // The tablet has what was assigned before the network drops (each person has their own copy).
  await expect(screen.homePanel.getByRole('link', { name: new RegExp(POLICY) })).toContainText('Due'); // prettier-ignore
  await tablet.waitForOfflineReady();
  await tablet.goOffline();
  await tablet.expectConnection('offline');
  await screen.openFromHome(POLICY);
  await expect(tablet.page.getByRole('heading', { name: 'Identifying a patient' })).toBeVisible();
  await screenshots(tablet.page, 'read');
  await expectAccessible(tablet.page);

  // A wrong name is refused and says which name is expected.
  const form = tablet.page.getByRole('form', { name: 'Acknowledge' });
  await form.getByLabel('Type your full name to confirm it is you').fill('Someone Else');
  await form.getByRole('button', { name: 'I acknowledge' }).click();
  await expect(form.getByRole('alert')).toHaveText('Type your name as Demo Front Desk');

  const first = await screen.acknowledgeAs('Demo Front Desk');
  await expect(first).toContainText('offline');
  await screen.handTo(ROSA.name);
  const second = await screen.acknowledgeAs(ROSA.name);
  await expect(second).toContainText('confirmed on a shared tablet, offline');
  await screenshots(tablet.page, 'shared-tablet');
  // The tablet stayed on its own session throughout.
  await expect(tablet.page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await tablet.goOnline();
  await tablet.expectConnection('online');
  await tablet.expectPending(0);

  await report.openReport();
  await expect(report.acknowledgedRow('Demo Front Desk')).toContainText('offline');
  await expect(report.acknowledgedRow(ROSA.name)).toContainText(
    'confirmed on a shared tablet (Demo Front Desk’s session), offline',
  );
  await expect(office.page.getByRole('table', { name: 'By role' })).toContainText('Front desk');
  await screenshots(office.page, 'report');
  await expectAccessible(office.page);
  await tablet.close();
  await office.close();
});

test('the review list shows a policy due soon; “Reviewed, no change” resets its date without a new version', async ({
  browser,
}) => {
  const office = await Device.open(browser, server.url);
  await office.signIn(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await office.page.goto('/policies/reviews');
  await expect(office.page.getByRole('heading', { name: 'Policy reviews', level: 1 })).toBeVisible(); // prettier-ignore
  const dueSoon = office.page.getByRole('region', { name: 'Due soon' });
  // Published 330 days ago with a 12-month interval: due in about a month, within the 90-day warning.
  await expect(dueSoon.getByRole('listitem').filter({ hasText: POLICY })).toContainText('Review due soon'); // prettier-ignore
  await expect(office.page.getByRole('table', { name: /^Due in/ })).toContainText(POLICY);
  await screenshots(office.page, 'reviews');
  await expectAccessible(office.page);
  await dueSoon.getByRole('button', { name: 'Reviewed, no change' }).click();
  await expect(office.page.getByRole('status').filter({ hasText: `${POLICY}: reviewed, no change` })).toBeVisible(); // prettier-ignore
  await expect(dueSoon).toContainText('No policy is due for review soon.');
  await office.expectPending(0);
  await office.close();
});
