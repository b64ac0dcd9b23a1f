import { createHash } from 'node:crypto';
import { expect, type Locator, test } from '@playwright/test';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { ClinicServer } from '../support/clinic-server.ts';
import { FRONT_DESK } from '../support/demo-logins.ts';
import { syntheticPhotoPng } from './fixtures/synthetic-photo.ts';
import { Device } from './pages/device.ts';

/**
 * A receptionist photographs a patient with the network down: the photo shows at once from the
 * device, waits to upload (counted as unsynced), goes up when the network returns, and another
 * device downloads it when it opens the patient. The bytes the server keeps are the device's.
 */
let server: ClinicServer;

test.beforeAll(async () => {
  server = await ClinicServer.start();
});

test.afterAll(async () => {
  await server.dispose();
});

const PATIENT = {
  givenName: 'Odalys',
  familyName: 'Pembrook',
  dateOfBirth: '09/14/1979',
  sex: 'Female',
} as const;

test('a photo taken offline shows at once, uploads when back online, and reaches another device', async ({
  browser,
}) => {
  const tabletA = await Device.open(browser, server.url);
  const tabletB = await Device.open(browser, server.url, { width: 1024, height: 768 });
  await tabletA.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletB.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tabletA.waitForOfflineReady();
  await tabletA.registerPatient(PATIENT);
  await tabletA.expectPending(0);
  await tabletB.search('Pembrook');
  await expect(tabletB.patientRow('Pembrook', 'Odalys')).toBeVisible();

  // The network goes down; the receptionist opens the patient and takes their photo.
  await tabletA.goOffline();
  await tabletA.expectConnection('offline');
  await tabletA.openPatients();
  await tabletA.search('Pembrook');
  await tabletA.patientRow('Pembrook', 'Odalys').click();
  await expect(tabletA.page.getByText('OP', { exact: true })).toBeVisible(); // initials, no photo
  await tabletA.choosePhoto({
    name: 'synthetic-photo.png',
    mimeType: 'image/png',
    buffer: syntheticPhotoPng(1200, 900),
  });

  const photoOnA = tabletA.page.getByRole('img', { name: 'Photo of Odalys Pembrook' });
  await expectShown(photoOnA, { width: 800, height: 600 }); // shrunk to 800 px on the long side
  await expect(tabletA.page.getByRole('button', { name: 'Replace photo' })).toBeVisible();
  // The changed record and the file both wait for the network, and the strip says so (#11.6).
  await tabletA.expectPending(2);
  await expect(tabletA.page.getByTestId('sync-pending-kinds')).toHaveText('(1 patient record, 1 file)'); // prettier-ignore
  // …read out on a portrait tablet, without growing its two-row header (issue 10, point 15).
  const header = await tabletA.page.getByTestId('office-header').boundingBox();
  expect(header?.height, 'header height with changes waiting').toBeLessThanOrEqual(112);

  // Still offline, a reload shows the photo from the device.
  await tabletA.page.reload();
  await expectShown(photoOnA, { width: 800, height: 600 });
  await tabletA.expectPending(2);

  // The network returns: the record and the file go up by themselves.
  await tabletA.goOnline();
  await tabletA.expectPending(0);
  await tabletA.expectConnection('online');

  // The server keeps exactly the bytes the device keeps, under their SHA-256.
  const [kept, ...others] = await localFiles(tabletA);
  expect(others).toEqual([]);
  expect(kept?.type).toBe('image/jpeg');
  expect(kept?.bytesSha256).toBe(kept?.sha256);
  const onServer = await tabletA.page.request.get(`/api/blobs/${kept?.sha256}`, {
    headers: {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [DEVICE_HEADER]: await tabletA.deviceId(),
    },
  });
  expect(onServer.status()).toBe(200);
  expect(onServer.headers()['content-type']).toBe('image/jpeg');
  expect(onServer.headers()['cache-control']).toBe('no-store');
  expect(
    createHash('sha256')
      .update(await onServer.body())
      .digest('hex'),
  ).toBe(kept?.sha256);

  // Another tablet opens the patient and downloads the photo on demand.
  await tabletB.patientRow('Pembrook', 'Odalys').click();
  await expectShown(tabletB.page.getByRole('img', { name: 'Photo of Odalys Pembrook' }), {
    width: 800,
    height: 600,
  });
  await expect(tabletB.page.getByRole('button', { name: 'Replace photo' })).toBeVisible();
  expect((await localFiles(tabletB)).map((file) => file.sha256)).toEqual([kept?.sha256]);

  await tabletA.close();
  await tabletB.close();
});

test('a file that is not a photo is refused on the spot, and nothing waits to upload', async ({
  browser,
}) => {
  const tablet = await Device.open(browser, server.url);
  await tablet.signIn(FRONT_DESK.username, FRONT_DESK.password);
  await tablet.registerPatient({ ...PATIENT, givenName: 'Ysolde' });
  await tablet.expectPending(0);

  await tablet.choosePhoto({
    name: 'visit-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Synthetic notes, not a photo.'),
  });

  await expect(tablet.page.getByRole('alert')).toHaveText(
    'This file is not a photo this device can read. Choose a JPEG, PNG or WebP image.',
  );
  await expect(tablet.page.getByRole('button', { name: 'Add photo' })).toBeVisible();
  await expect(tablet.page.getByRole('img', { name: /^Photo of/ })).toHaveCount(0);
  await tablet.expectPending(0);
  expect(await localFiles(tablet)).toEqual([]);

  await tablet.close();
});

/** The image is on screen and its picture has actually loaded, at the given size. */
async function expectShown(image: Locator, size: { width: number; height: number }) {
  await expect(image).toBeVisible();
  await expect
    .poll(() =>
      image.evaluate((img: HTMLImageElement) =>
        img.complete ? { width: img.naturalWidth, height: img.naturalHeight } : null,
      ),
    )
    .toEqual(size);
}

/** The files in the device's local database, with the SHA-256 of the bytes actually stored. */
function localFiles(device: Device) {
  return device.page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });
    const name = (await indexedDB.databases())
      .map((db) => db.name)
      .find((n) => n?.startsWith('clinicdesk-local-'));
    if (!name) return [];
    const db = await request(indexedDB.open(name));
    const rows = (await request(db.transaction('blobs').objectStore('blobs').getAll())) as {
      sha256: string;
      data: Blob;
    }[];
    db.close();
    return Promise.all(
      rows.map(async ({ sha256, data }) => {
        const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
        const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'));
        return { sha256, type: data.type, bytesSha256: hex.join('') };
      }),
    );
  });
}
