import { expect, test } from '@playwright/test';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { CheckInBoard } from './pages/board.ts';
import { Device } from './pages/device.ts';

/**
 * Two front-desk tablets share the arrivals board: tablet A checks a new patient in (the
 * confirmation step lists what is missing, including the privacy notice), tablet B sees them
 * arrive without reloading and rooms them, and A checks them out.
 */
let server: ClinicServer;
test.beforeAll(async () => {
  server = await ClinicServer.start();
});
test.afterAll(async () => server.dispose());

test('check a patient in on one tablet with a missing consent, move them on another', async ({
  browser,
}) => {
  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await b.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const boardA = new CheckInBoard(a.page);
  const boardB = new CheckInBoard(b.page);
  await boardB.open();

  await a.registerPatient({
    givenName: 'Ottoline',
    familyName: 'Fairweather',
    dateOfBirth: '02/09/1958',
    sex: 'Female',
    phone: '(555) 201-0166',
  });
  await boardA.open();
  await boardA.startCheckIn('fairwether otto', 'Fairweather', 'Ottoline');

  // The confirmation step lists what is missing, area by area.
  const consents = a.page.getByTestId('readiness-consents');
  await expect(consents).toContainText('Notice of Privacy Practices not acknowledged');
  await expect(consents).toContainText('Consent to treatment not signed');
  await expect(a.page.getByTestId('readiness-coverage')).toContainText(
    'No insurance or self-pay recorded',
  );
  const demographics = a.page.getByTestId('readiness-demographics');
  await expect(demographics).toContainText('Address and phone never confirmed with the patient');
  await expect(demographics).toContainText('(555) 201-0166');
  await demographics.getByLabel('The patient confirmed their address and phone').check();
  await a.page.getByLabel('Walk-in').check();
  await a.page.getByLabel('Reason for the visit').fill('Sore throat');
  const submit = a.page.getByRole('button', { name: /^Check in with \d+ open items$/ });
  const openCount = Number(/(\d+)/.exec((await submit.textContent()) ?? '')?.[1]);
  await submit.click();

  await expect(a.page.getByTestId('board-notice')).toContainText(
    `Ottoline Fairweather checked in. ${openCount} open items are flagged on the board.`,
  );
  const waitingA = boardA.card('waiting', 'Fairweather', 'Ottoline');
  await expect(waitingA).toContainText('waiting 0 min');
  await expect(waitingA).toContainText('Walk-in · Sore throat');
  await expect(waitingA.getByTestId('open-items')).toContainText(`${openCount} items to collect`);

  // Tablet B's board shows the arrival live, with the same flags.
  const waitingB = boardB.card('waiting', 'Fairweather', 'Ottoline');
  await expect(waitingB).toBeVisible();
  await waitingB.getByText(`${openCount} items to collect`).click();
  await expect(waitingB.getByTestId('open-items')).toContainText(
    'Notice of Privacy Practices not acknowledged',
  );
  await waitingB.getByRole('button', { name: 'In room' }).click();
  await expect(boardB.card('in-room', 'Fairweather', 'Ottoline')).toBeVisible();

  // A sees the move, and checks the patient out.
  const inRoomA = boardA.card('in-room', 'Fairweather', 'Ottoline');
  await expect(inRoomA).toContainText('in room since');
  await expect(boardA.column('waiting').getByTestId('visit-card')).toHaveCount(0);
  await inRoomA.getByRole('button', { name: 'Check out' }).click();
  await expect(boardA.card('done', 'Fairweather', 'Ottoline')).toContainText('min in all');
  await expect(boardB.card('done', 'Fairweather', 'Ottoline')).toContainText('min in all');
  await expect(b.page.getByTestId('board-summary')).toHaveText(
    '0 waiting · 0 in room · 1 checked out',
  );

  // Checked in once today and out: a second check-in starts a new visit, not the old one.
  await a.page.getByRole('link', { name: 'Fairweather, Ottoline' }).click();
  await expect(a.page.getByTestId('patient-name')).toContainText('Ottoline Fairweather');
  await a.close();
  await b.close();
});

test('two tablets offline move the same visit: both steps survive', async ({ browser }) => {
  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await b.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const boardA = new CheckInBoard(a.page);
  const boardB = new CheckInBoard(b.page);
  await a.registerPatient({
    givenName: 'Barnaby',
    familyName: 'Thistlewood',
    dateOfBirth: '11/30/1949',
    sex: 'Male',
  });
  await boardA.open();
  await boardA.startCheckIn('thistlewood', 'Thistlewood', 'Barnaby');
  await a.page.getByLabel('Walk-in').check();
  await a.page.getByRole('button', { name: /^Check in/ }).click();
  await boardB.open();
  await expect(boardB.card('waiting', 'Thistlewood', 'Barnaby')).toBeVisible();
  await a.waitForOfflineReady();
  await b.waitForOfflineReady();

  // Apart: A rooms the patient; B, not seeing that, records that they left.
  await a.goOffline();
  await b.goOffline();
  await boardA
    .card('waiting', 'Thistlewood', 'Barnaby')
    .getByRole('button', { name: 'In room' })
    .click();
  await expect(boardA.card('in-room', 'Thistlewood', 'Barnaby')).toBeVisible();
  await boardB
    .card('waiting', 'Thistlewood', 'Barnaby')
    .getByRole('button', { name: 'Left' })
    .click();
  await expect(boardB.card('done', 'Thistlewood', 'Barnaby')).toContainText(
    'Left without being seen',
  );

  await a.goOnline();
  await b.goOnline();
  await a.expectPending(0);
  await b.expectPending(0);
  // Both steps are kept on both tablets: the visit reads as left, having been roomed first.
  for (const board of [boardA, boardB]) {
    await expect(board.card('done', 'Thistlewood', 'Barnaby')).toContainText(
      'Left without being seen',
    );
  }
  const visit = await a.page.evaluate(async () => {
    const response = await fetch('/api/sync/v1/visits/pull?since=0&limit=50', {
      headers: {
        'x-clinicdesk-protocol': '2',
        'x-clinicdesk-device': localStorage.getItem('clinicdesk.device-id') ?? '',
      },
    });
    return (await response.json()) as { documents: { roomed?: unknown; cancelled?: unknown }[] };
  });
  expect(visit.documents.filter((doc) => doc.roomed && doc.cancelled)).toHaveLength(1);
  await a.close();
  await b.close();
});

// Issue 10, point 9: the server refuses a check-in for a patient it has no record of, so a
// tablet that registered a patient and checked them in while offline sends the patient first.
test('a patient registered and checked in offline reaches the other tablet, check-in and all', async ({
  browser,
}) => {
  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await b.signIn(FRONT_DESK.username, FRONT_DESK.password);
  const boardA = new CheckInBoard(a.page);
  const boardB = new CheckInBoard(b.page);
  await boardB.open();
  await a.waitForOfflineReady();

  await a.goOffline();
  await a.registerPatient({
    givenName: 'Araminta',
    familyName: 'Quillfeather',
    dateOfBirth: '08/23/1990',
    sex: 'Female',
  });
  await boardA.open();
  await boardA.startCheckIn('quillfeather', 'Quillfeather', 'Araminta');
  await a.page.getByLabel('Walk-in').check();
  await a.page.getByRole('button', { name: /^Check in/ }).click();
  await expect(boardA.card('waiting', 'Quillfeather', 'Araminta')).toBeVisible();
  await a.expectPending(2);

  await a.goOnline();
  await a.expectPending(0);
  await expect(a.page.getByTestId('sync-refused')).toBeHidden();
  await expect(boardB.card('waiting', 'Quillfeather', 'Araminta')).toBeVisible();
  await a.close();
  await b.close();
});
