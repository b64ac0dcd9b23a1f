import { expect, type Locator, type Page } from '@playwright/test';

/** The documents list's search (/filing): one box, the filters, saved views, the results. */
export class DocumentSearch {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get box(): Locator {
    return this.page.getByLabel('Search documents');
  }

  get count(): Locator {
    return this.page.getByTestId('document-count');
  }

  get rows(): Locator {
    return this.page.getByTestId('document-row');
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The words marked in a result (where they were found), as the screen shows them. */
  marked(row: Locator): Locator {
    return row.locator('mark');
  }

  /**
   * Waits until the device has received the practice's documents and the search has read every
   * one (the count says so, and no answer is on its way), and returns how many it holds; at
   * least `atLeast` (the count grows as documents received are indexed).
   */
  async expectAllRead(atLeast = 0, timeout = 120_000): Promise<number> {
    await expect(async () => {
      await expect(this.count).toHaveText(/^\s*[\d,]+ documents? on this device\s*$/);
      await expect(this.count).toHaveAttribute('data-counting', 'no');
      // Read twice, the same: documents still arriving would have moved it.
      const first = await this.count.textContent();
      await expect(this.count).toHaveAttribute('data-counting', 'no');
      expect(await this.count.textContent()).toBe(first);
      expect(Number((first ?? '').replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(atLeast);
    }).toPass({ timeout });
    const text = (await this.count.textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Opens the filters (they fold away to leave the tablet's screen to the results). */
  async showFilters(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: /^(Hide filters|Filters)/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.page.getByRole('group', { name: 'Filters' })).toBeVisible();
  }

  async search(words: string): Promise<void> {
    await this.box.fill(words);
  }

  get views(): Locator {
    return this.page.getByRole('list', { name: 'Saved views' });
  }

  view(name: string): Locator {
    return this.views.getByRole('button', { name, exact: true });
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save this search as a view' }).click();
    await this.page.getByLabel('Name of the view').fill(name);
    await this.page.getByRole('button', { name: 'Save view' }).click();
  }
}
