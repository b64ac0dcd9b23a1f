import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { OFFICE_MANAGER } from '../support/demo-logins.ts';
import { signIn, type Session } from '../fault/session.ts';
import { readPdf } from '../../web/src/lib/disclosures/fixtures/read-pdf.ts';
import {
  h,
  li,
  ol,
  p,
  policyTextFrom,
  type Spec,
} from '../../web/src/lib/policies/print/policy-text.fixture.ts';
import { Device } from './pages/device.ts';
import { PolicyScreens } from './pages/policies.page.ts';

/**
 * A policy's history and its printed copies (issue 13, point 7): the office manager revises a
 * policy, compares the revision with the version in force and reads the redline; prints the
 * whole manual with the network down — contents, every page footed "Uncontrolled when printed"
 * with its version and page n of m — and finds the print in the audit trail once back online.
 * The manual and its published versions are put on the server as the manager's device would
 * push them (writing and approving are another journey's).
 */
let server: ClinicServer;
let manager: Session;
const MANAGER_DEVICE = '019abc00-0000-7000-8000-0000000e2e31';
const MANUAL = 'manual-e2e-front-desk-history';
const CHECK_IN = '019abc00-0000-7000-8000-0000000e2e32';
const PHONES = '019abc00-0000-7000-8000-0000000e2e33';
const STAMP = '2026-01-05T09:00:00.000Z';

test.beforeAll(async () => {
  server = await ClinicServer.start();
  manager = await signIn(server.url, OFFICE_MANAGER, MANAGER_DEVICE);
});
test.afterAll(async () => server.dispose());

const base = (id: string, kind: string) => ({
  id,
  kind,
  createdAt: STAMP,
  updatedAt: STAMP,
  _deleted: false,
});

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

const policy = (id: string, number: string, title: string, order: number) => ({
  ...base(id, 'policy'),
  manualId: MANUAL,
  number,
  title,
  ownerStaffId: manager.user.id,
  area: 'Front desk',
  legalReferences: ['45 CFR 164.514(h)'],
  reviewIntervalMonths: 12,
  order,
});

const published = (policyId: string, effectiveOn: string, ...text: Spec[]) => ({
  ...base(versionIdOf(policyId, 1), 'policyVersion'),
  policyId,
  versionNumber: 1,
  status: 'published',
  effectiveOn,
  materialChange: true,
  text: policyTextFrom(...text),
  reviewRound: 1,
  approvers: [],
  authors: [],
  publishedAt: STAMP,
});

/** The device's audit events still waiting in its local database for the upload. */
async function queuedAuditEvents(page: Page): Promise<{ action: string; recordId: string }[]> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const local = dbs.find((db) => db.name?.startsWith('clinicdesk-local-'));
    if (!local?.name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(local.name!);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const events = await new Promise<{ action: string; recordId: string }[]>((resolve) => {
      const request = db.transaction('auditEvents').objectStore('auditEvents').getAll();
      request.onsuccess = () => resolve(request.result as { action: string; recordId: string }[]);
    });
    db.close();
    return events;
  });
}

test('revise a policy, compare the versions in a redline, print the manual offline, see the print in the audit trail', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await push('policies', [
    {
      ...base(MANUAL, 'manual'),
      title: 'Front desk handbook',
      slug: 'front-desk-handbook',
      description: 'How the desk greets, checks in and answers.',
      order: 9,
      readableSignedOut: false,
      approvers: [],
    },
    policy(CHECK_IN, 'FDH-01', 'Checking a patient in', 1),
    policy(PHONES, 'FDH-02', 'Answering the phone', 2),
    published(
      CHECK_IN,
      '2026-01-05',
      h(1, 'Steps'),
      ol(li(p('Greet the patient by name')), li(p('Confirm the date of birth'))),
    ),
    published(PHONES, '2026-02-02', h(1, 'Greeting'), p('Answer within three rings.')),
    {
      ...base('019abc00-0000-7000-8000-0000000e2e34', 'policyReview'),
      policyId: CHECK_IN,
      reviewedOn: '2026-06-01',
      outcome: 'no-change',
      byStaffId: manager.user.id,
      note: 'Still matches the desk',
    },
  ]);

  const tablet = await Device.open(browser, server.url);
  const { page } = tablet;
  const screens = new PolicyScreens(page);
  await screens.signInToLibrary(OFFICE_MANAGER.username, OFFICE_MANAGER.password);
  await tablet.waitForOfflineReady();

  // A revision: a sentence added to version 1's text.
  await page.getByRole('link', { name: /^FDH-01 / }).click();
  await expect(page.getByRole('heading', { name: 'Version 1, in force' })).toBeVisible();
  await page.getByLabel('What will change').fill('Ask for photo identification');
  await page.getByLabel('Material change (staff acknowledge it again)').check();
  await page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(page.getByRole('heading', { name: 'Version 2', level: 1 })).toBeVisible();
  await screens.addParagraph('Ask for photo identification at every visit.');
  // The draft printed for its reviewers says on every page that it is not in force.
  await page.getByRole('button', { name: 'Print / PDF: FDH-01 version 2' }).click();
  const draftReady = page.getByRole('status', { name: 'PDF of FDH-01 version 2' });
  await expect(draftReady).toContainText('1 page');
  const draftDownload = page.waitForEvent('download');
  await draftReady.getByRole('link', { name: 'Download PDF' }).click();
  const draft = await readPdf(new Uint8Array(readFileSync((await (await draftDownload).path())!)));
  expect(draft.pages[0]!.text).toContain('Version 2 · Not yet effective · Draft');
  expect(draft.pages[0]!.text).toContain('Ask for photo identification at every visit.');
  await screens.shoot('version-print');
  await page.getByRole('link', { name: 'FDH-01 Checking a patient in' }).click();

  // The history marks each version, and compares the revision with the version in force.
  const history = page.getByRole('list').filter({ hasText: 'Version 2' });
  const v2 = history.getByRole('listitem').filter({ hasText: /^Version 2/ });
  await expect(v2).toContainText('Revised');
  await expect(v2).toContainText('Material change (acknowledged again)');
  await expect(history.getByRole('listitem').filter({ hasText: /^Version 1/ })).toContainText('First version'); // prettier-ignore
  // A review that changed nothing is in the history too, between the versions.
  const items = history.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(1)).toContainText('Reviewed, no change 06/01/2026 Text unchanged');
  await expect(items.nth(1)).toContainText('Still matches the desk');
  await screens.shoot('policy-history');
  await page.getByRole('link', { name: 'Version 2: Compare with version 1' }).click();
  await expect(page.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible(); // prettier-ignore
  await expect(page.getByRole('status').filter({ hasText: 'words added' })).toHaveText(
    '7 words added and 0 words removed, in 1 place.',
  );
  const redline = page.locator('.redline');
  // Marked in words, not colour alone: a label on the block, the words inside an insertion.
  await expect(redline.locator('ins')).toHaveText('[added: Ask for photo identification at every visit.]'); // prettier-ignore
  await expect(redline.getByText('Added', { exact: true })).toBeVisible();
  await expect(redline.getByText('Greet the patient by name')).toBeVisible();
  await expect(page.getByLabel('Older version')).toHaveValue('1');
  await expect(page.getByLabel('Newer version')).toHaveValue('2');
  await screens.shoot('compare');

  // The whole manual printed with the network down.
  await tablet.goOffline();
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Front desk handbook', level: 2 })).toBeVisible();
  await screens.shoot('library-print');
  await page.getByRole('button', { name: 'Print / PDF: the Front desk handbook manual' }).click();
  const ready = page.getByRole('status', { name: 'PDF of the Front desk handbook manual' });
  await expect(ready).toContainText('PDF ready');
  await expect(ready).toContainText('2 policies');
  await screens.shoot('manual-print');
  const downloading = page.waitForEvent('download');
  await ready.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^front-desk-handbook-\d{4}-\d{2}-\d{2}\.pdf$/);
  const { pages } = await readPdf(new Uint8Array(readFileSync((await download.path())!)));
  expect(pages.length).toBe(3);
  expect(pages[0]!.text).toContain('Contents');
  expect(pages[0]!.text).toMatch(/FDH-01\s+Checking a patient in\s+Version 1 · Effective 01\/05\/2026\s+2/); // prettier-ignore
  expect(pages[0]!.text).toMatch(/FDH-02\s+Answering the phone\s+Version 1 · Effective 02\/02\/2026\s+3/); // prettier-ignore
  // The version in force is printed, not the draft revision.
  expect(pages[1]!.text).toContain('Greet the patient by name');
  expect(pages[1]!.text).not.toContain('photo identification');
  pages.forEach((printed, index) => {
    expect(printed.text).toContain('Uncontrolled when printed — check ClinicDesk for the version in force'); // prettier-ignore
    expect(printed.text).toContain(`Page ${index + 1} of 3`);
  });
  expect(pages[2]!.text).toContain('FDH-02 Answering the phone · Version 1 · Effective 02/02/2026');

  const opening = page.waitForEvent('popup');
  await ready.getByRole('link', { name: 'Open to print' }).click();
  const viewer = await opening;
  expect(viewer.url()).toMatch(/^blob:/);
  await viewer.close();

  // Both uses wait on this device, one entry per version printed, until the network is back.
  const printedVersions = [versionIdOf(CHECK_IN, 1), versionIdOf(PHONES, 1)];
  await expect
    .poll(async () =>
      (await queuedAuditEvents(page))
        .filter((event) => printedVersions.includes(event.recordId))
        .map((event) => `${event.action} ${event.recordId}`)
        .sort(),
    )
    .toEqual(printedVersions.flatMap((id) => [`export ${id}`, `print ${id}`]).sort());

  await tablet.goOnline();
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await page.getByLabel('Username').fill(OFFICE_MANAGER.username);
  const printedRows = page
    .getByTestId('audit-entry')
    .filter({ hasText: 'Printed' })
    .filter({ hasText: 'FDH-01 Checking a patient in, version 1' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(printedRows).toHaveCount(1, { timeout: 1000 });
  }).toPass();
  await expect(printedRows).toContainText('This device');
  const phones = page.getByTestId('audit-entry').filter({ hasText: 'FDH-02 Answering the phone, version 1' }); // prettier-ignore
  await expect(phones.filter({ hasText: 'Printed' })).toHaveCount(1);
  await expect(phones.filter({ hasText: 'Exported' })).toHaveCount(1);
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Exported' }).filter({ hasText: 'FDH-01 Checking a patient in, version 1' })).toHaveCount(1); // prettier-ignore
  // The draft saved as a PDF while online went up at once.
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'Exported' }).filter({ hasText: 'FDH-01 Checking a patient in, version 2' })).toHaveCount(1); // prettier-ignore
  await screens.shoot('audit-print');
  await tablet.close();
});
