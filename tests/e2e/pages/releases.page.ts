import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '../../../shared/src/sync/protocol.ts';

type Row = Record<string, unknown> & { id: string; kind: string };

const headersOf = async (page: Page) => ({
  'x-clinicdesk-protocol': String(PROTOCOL_VERSION),
  'x-clinicdesk-device':
    (await page.evaluate(() => localStorage.getItem('clinicdesk.device-id'))) ?? '',
});

/**
 * Records pushed through the sync API as the signed-in person on this page, as another tablet
 * of the practice would have pushed them (the journey's data; the journey uses the screens).
 */
export async function pushRows(page: Page, partition: string, records: Row[]): Promise<void> {
  const now = new Date().toISOString();
  const pushed = await page.evaluate(
    async ({ url, rows, headers }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ rows }),
      });
      return { status: response.status, body: await response.text() };
    },
    {
      url: `${SYNC_BASE_PATH}/${partition}/push`,
      headers: await headersOf(page),
      rows: records.map((record) => ({
        newDocumentState: { createdAt: now, updatedAt: now, _deleted: false, ...record },
      })),
    },
  );
  expect(pushed.status, pushed.body).toBe(200);
  expect(JSON.parse(pushed.body)).toMatchObject({ conflicts: [], rejected: [] });
}

/** Stores a file on the server as this device would upload it; its reference for a record. */
export async function uploadFile(
  page: Page,
  bytes: Buffer,
  type: 'application/pdf',
): Promise<{ sha256: string; type: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const status = await page.evaluate(
    async ({ url, body, headers, type }) => {
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': type, ...headers },
        body: new Uint8Array(body),
      });
      return response.status;
    },
    { url: `/api/blobs/${sha256}`, body: [...bytes], headers: await headersOf(page), type },
  );
  expect([200, 201]).toContain(status);
  return { sha256, type, size: bytes.length };
}

/** No accessibility violations axe can find on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

/** Filing › Releases from the menus. */
export async function openReleases(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Filing' })
    .click();
  await page
    .getByRole('navigation', { name: 'Filing' })
    .getByRole('link', { name: 'Releases' })
    .click();
  await expect(page.getByRole('heading', { name: 'Releases', level: 1 })).toBeVisible();
}
