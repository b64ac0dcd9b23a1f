import { expect, test } from '@playwright/test';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '../../shared/src/sync/protocol.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { Device } from './pages/device.ts';

/**
 * #5 point 7: markup typed into free-text fields (names refuse it; addresses, employer and
 * pharmacy take any text) reaches other tablets as data and is shown as plain text on every
 * screen that shows it — no element is created from it and no script runs.
 */
const HOSTILE = {
  line1: '<img src=x onerror="window.__xss=1">12 Elm Street',
  line2: '"><script>window.__xss=2</script>',
  employer: '<svg onload="window.__xss=3">Acme</svg>',
  pharmacy: '<a href="javascript:window.__xss=4">Corner Pharmacy</a>',
  location: "{{constructor.constructor('window.__xss=5')()}}",
};

let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('markup in free text is shown as plain text on the list, chart and check-in screens', async ({
  browser,
}) => {
  const desk = await Device.open(browser, server.url);
  const dialogs: string[] = [];
  desk.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await desk.signIn(FRONT_DESK.username, FRONT_DESK.password);

  // Another desk's record arrives through sync, as it would from a tablet that typed it.
  const deviceId = await desk.deviceId();
  const now = new Date().toISOString();
  const id = '019d0000-0000-7000-8000-00000000beef';
  const pushed = await desk.page.evaluate(
    async ({ url, doc, headers }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ rows: [{ newDocumentState: doc }] }),
      });
      return { status: response.status, body: await response.text() };
    },
    {
      url: `${SYNC_BASE_PATH}/patients/push`,
      headers: {
        'x-clinicdesk-protocol': String(PROTOCOL_VERSION),
        'x-clinicdesk-device': deviceId,
      },
      doc: {
        id,
        kind: 'patient',
        givenName: 'Odalys',
        familyName: 'Brightwater',
        dateOfBirth: '1984-05-17',
        sex: 'female',
        address: {
          line1: HOSTILE.line1,
          line2: HOSTILE.line2,
          city: 'Springfield',
          state: 'IL',
          postalCode: '62704',
        },
        employer: { name: HOSTILE.employer },
        preferredPharmacy: { name: HOSTILE.pharmacy, location: HOSTILE.location },
        createdAt: now,
        updatedAt: now,
        _deleted: false,
      },
    },
  );
  expect(pushed.status, pushed.body).toBe(200);
  expect(JSON.parse(pushed.body)).toMatchObject({ conflicts: [], rejected: [] });

  const noMarkupRan = async () => {
    expect(await desk.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(
      await desk.page.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count(),
    ).toBe(0);
    expect(dialogs).toEqual([]);
  };

  // The list, found by search.
  await desk.search('brightwater');
  const row = desk.patientRow('Brightwater', 'Odalys');
  await expect(row).toBeVisible();
  await noMarkupRan();

  // The chart: every hostile string appears as the text staff typed.
  await row.click();
  await expect(desk.page.getByTestId('patient-name')).toContainText('Odalys Brightwater');
  for (const text of Object.values(HOSTILE)) {
    await expect(desk.page.getByText(text, { exact: false }).first()).toBeVisible();
  }
  await noMarkupRan();

  // The check-in confirmation reads the address back to the patient.
  await desk.page
    .getByRole('link', { name: 'Check in' })
    .or(desk.page.getByRole('button', { name: 'Check in' }))
    .first()
    .click();
  await expect(desk.page.getByText(HOSTILE.line1, { exact: false }).first()).toBeVisible();
  await noMarkupRan();
  await desk.close();
});
