import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK, OFFICE_MANAGER } from '../support/demo-logins.ts';
import { signIn, type Session } from '../fault/session.ts';
import {
  h,
  li,
  ol,
  p,
  policyTextFrom,
} from '../../web/src/lib/policies/print/policy-text.fixture.ts';
import { CheckInBoard } from './pages/board.ts';
import { Device } from './pages/device.ts';

/**
 * Reading policies (issue 13, points 7–9): the downtime binder at the sign-in screen with the
 * server stopped and nobody signed in, and check-in asking patients for a newly published Notice
 * of Privacy Practices. The policy records are put on the server as the office manager's device
 * would push them (the library's screens are another journey's).
 */
let server: ClinicServer;
let manager: Session;
const MANAGER_DEVICE = '019abc00-0000-7000-8000-0000000e2e13';

test.beforeAll(async () => {
  server = await ClinicServer.start();
  manager = await signIn(server.url, OFFICE_MANAGER, MANAGER_DEVICE);
});
test.afterAll(async () => server.dispose());

const STAMP = '2026-01-05T09:00:00.000Z';
const base = (id: string, kind: string) => ({
  id,
  kind,
  createdAt: STAMP,
  updatedAt: STAMP,
  _deleted: false,
});

/** Pushes records into a partition as the office manager's device; fails on any refusal. */
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

const manual = (
  id: string,
  title: string,
  slug: string,
  order: number,
  readableSignedOut: boolean,
) => ({
  ...base(id, 'manual'),
  title,
  slug,
  order,
  readableSignedOut,
  approvers: [],
});

const policyRecord = (id: string, manualId: string, number: string, title: string, extra = {}) => ({
  ...base(id, 'policy'),
  manualId,
  number,
  title,
  ownerStaffId: manager.user.id,
  area: 'Operations',
  legalReferences: ['29 CFR 1910.38'],
  reviewIntervalMonths: 12,
  order: 1,
  ...extra,
});

const publishedVersion = (policyId: string, versionNumber: number, text: string, extra = {}) => ({
  ...base(versionIdOf(policyId, versionNumber), 'policyVersion'),
  policyId,
  versionNumber,
  status: 'published',
  effectiveOn: '2026-01-01',
  materialChange: true,
  text,
  reviewRound: 1,
  approvers: [],
  authors: [],
  publishedAt: STAMP,
  ...extra,
});

/** Today as the tablet reckons it (the journey runs on the same machine). */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({
      path: `tests/.artifacts/screenshots/policy-reading-${name}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 768, height: 1024 });
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

test('publishing a new privacy notice makes check-in ask for it', async ({ browser }) => {
  const privacyManual = 'manual-e2e-privacy';
  const notice = '019abc00-0000-7000-8000-0000000e2e01';
  await push('policies', [
    manual(privacyManual, 'HIPAA privacy', 'hipaa-privacy', 0, false),
    policyRecord(notice, privacyManual, 'PRIV-01', 'Notice of Privacy Practices', {
      privacyNotice: true,
      legalReferences: ['45 CFR 164.520'],
    }),
    publishedVersion(notice, 1, policyTextFrom(p('How we may use your information.')), {
      versionLabel: '2026-01',
    }),
  ]);
  await push('patients', [
    {
      ...base('019abc00-0000-7000-8000-0000000e2e02', 'patient'),
      givenName: 'Philippa',
      familyName: 'Quarrington',
      dateOfBirth: '1971-06-14',
      sex: 'female',
      phone: '+15552010177',
      address: { line1: '8 Larch Row', city: 'Salem', state: 'OR', postalCode: '97301' },
      demographicsConfirmedAt: `${today()}T09:00:00.000Z`,
      coverage: { primary: { payerType: 'self-pay' } },
      privacyNotice: { status: 'acknowledged', version: '2026-01', date: '2026-03-01' },
      consents: {
        treatment: { status: 'granted', version: '3', date: '2026-03-01' },
        'financial-policy': { status: 'granted', version: '1', date: '2026-03-01' },
      },
      communication: { voicemail: true, sms: false },
    },
  ]);

  const tablet = await Device.open(browser, server.url);
  await tablet.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const board = new CheckInBoard(tablet.page);
  await board.open();
  await board.startCheckIn('quarrington phil', 'Quarrington', 'Philippa');
  await expect(tablet.page.getByTestId('nothing-missing')).toBeVisible();

  // The office manager publishes the new notice, effective today, with a material change.
  await push('policies', [
    publishedVersion(notice, 2, policyTextFrom(p('How we may use and share your information.')), {
      versionLabel: '2026-12',
      effectiveOn: today(),
      changeSummary: 'New section on sharing with health information exchanges',
    }),
  ]);
  // The tablet hears of it through sync, and the open confirmation asks for it at once.
  await expect(tablet.page.getByTestId('readiness-consents')).toContainText(
    'Privacy notice acknowledged is version 2026-01; the current one is 2026-12',
  );
  await expect(tablet.page.getByTestId('nothing-missing')).toHaveCount(0);
  await tablet.close();
});

test('the downtime binder opens with the server stopped and nobody signed in', async ({
  browser,
}) => {
  const downtime = 'manual-e2e-downtime';
  const privacy = 'manual-e2e-privacy-2';
  const outage = '019abc00-0000-7000-8000-0000000e2e11';
  const minimum = '019abc00-0000-7000-8000-0000000e2e12';
  await push('policies', [
    manual(downtime, 'Emergency and downtime', 'emergency-downtime', 5, true),
    manual(privacy, 'HIPAA privacy (office copy)', 'hipaa-privacy-office', 1, false),
    policyRecord(outage, downtime, 'EMER-02', 'Network or power outage'),
    policyRecord(minimum, privacy, 'PRIV-03', 'Minimum necessary'),
    publishedVersion(
      outage,
      1,
      policyTextFrom(
        h(1, 'When the network is down'),
        p('Keep checking patients in on the tablet: it works offline.'),
        ol(
          li(p('Write each arrival on the paper log in the red binder')),
          li(p('Call the IT contact')),
        ),
      ),
    ),
    publishedVersion(minimum, 1, policyTextFrom(p('Use only the information the task needs.'))),
  ]);

  const tablet = await Device.open(browser, server.url);
  await tablet.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tablet.waitForOfflineReady();
  // The binder is copied to the device once its policies have synced.
  const check = await tablet.openTab('/binder');
  await expect(
    check.page.getByRole('heading', { name: 'EMER-02 Network or power outage' }),
  ).toBeVisible();
  await check.page.close();
  await tablet.signOut();

  await server.stop();
  await tablet.goOffline();
  try {
    const reload = await tablet.page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await screenshots(tablet.page, 'sign-in');
    await tablet.page.getByRole('link', { name: 'Downtime binder' }).click();
    const page = tablet.page;
    await expect(page.getByRole('heading', { name: 'Downtime binder', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Emergency and downtime', level: 2 }),
    ).toBeVisible();
    await expect(
      page.getByText('Write each arrival on the paper log in the red binder'),
    ).toBeVisible();
    await expect(page.getByText('Version 1 · effective 01/01/2026 · 29 CFR 1910.38')).toBeVisible();
    // Only the manuals the practice marked readable signed out.
    await expect(page.getByText('Minimum necessary')).toHaveCount(0);
    await page.getByRole('link', { name: 'EMER-02 Network or power outage' }).click();
    await expect(page).toHaveURL(/#policy-/);
    await expectAccessible(page);
    await screenshots(page, 'binder');

    // A fresh load of the binder itself, still offline: the service worker serves the page.
    const again = await page.reload();
    expect(again?.fromServiceWorker()).toBe(true);
    await expect(
      page.getByText('Keep checking patients in on the tablet: it works offline.'),
    ).toBeVisible();
  } finally {
    await tablet.close();
    await server.launch();
  }
});
