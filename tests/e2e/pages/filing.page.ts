import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '../../../shared/src/sync/protocol.ts';

/** A synthetic PDF whose pages carry these lines of text (found by the device's text reader). */
export async function textPdf(pages: string[][]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 700 - i * 22, size: 14, font }));
  }
  return Buffer.from(await pdf.save());
}

/** A record of the filing setup, as the office manager's setup screens would write it. */
export type SetupRecord = Record<string, unknown> & { id: string; kind: string; name: string };

/**
 * Writes filing setup records (categories, types, correspondents, tags) through the sync API as
 * the signed-in person on this page, as another office manager's tablet would have: the
 * journeys here are about filing documents, not about the setup screens (filing-setup.spec.ts).
 */
export async function pushSetup(page: Page, records: SetupRecord[]): Promise<void> {
  const deviceId = await page.evaluate(() => localStorage.getItem('clinicdesk.device-id'));
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
      url: `${SYNC_BASE_PATH}/filing/push`,
      headers: {
        'x-clinicdesk-protocol': String(PROTOCOL_VERSION),
        'x-clinicdesk-device': deviceId ?? '',
      },
      rows: records.map((record) => ({
        newDocumentState: { createdAt: now, updatedAt: now, _deleted: false, ...record },
      })),
    },
  );
  expect(pushed.status, pushed.body).toBe(200);
  expect(JSON.parse(pushed.body)).toMatchObject({ conflicts: [], rejected: [] });
}

/** Chooses a category in a list that shows the tree by indenting names. */
export async function chooseCategory(select: Locator, name: string): Promise<void> {
  const labels = await select.locator('option').allTextContents();
  const label = labels.find((text) => text.trim() === name);
  if (label === undefined) throw new Error(`No category ${name} among ${labels.join(', ')}`);
  await select.selectOption({ label });
}

/** The filing screens (/filing, its inbox, a document, the capture), by visible labels. */
export class FilingScreens {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async openDocuments(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Filing' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  }

  async openInbox(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Filing' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.getByTestId('document-row').filter({ hasText: title });
  }

  /** On the capture screen: picks files as from a PC's file dialog. */
  async chooseFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles(files);
    await expect(this.page.getByTestId('capture-page')).not.toHaveCount(0);
  }

  /** On the capture screen: the title, category (by its name in the list), then File. */
  async fileCapture(details: { title: string; category?: string }): Promise<void> {
    await this.page.getByLabel('Title').fill(details.title);
    if (details.category) await chooseCategory(this.page.getByLabel('Category'), details.category);
    const button = details.category ? 'File document' : 'Send to the inbox';
    await this.page.getByRole('button', { name: button }).click();
    await expect(this.page.getByTestId('document-title')).toHaveText(details.title);
  }

  get tags(): Locator {
    return this.page.getByRole('list', { name: 'Tags on this document' });
  }

  /** On a document's page: puts an existing tag on it. */
  async addTag(name: string): Promise<void> {
    await this.page.getByLabel('Add a tag').selectOption({ label: name });
    await expect(this.tags.getByText(name)).toBeVisible();
  }

  /** No accessibility violations axe can find on the page as it stands. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
}
