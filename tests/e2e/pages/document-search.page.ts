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

  /** Waits until every document on the device is in the search (the count says so). */
  async expectAllRead(timeout = 120_000): Promise<number> {
    await expect(this.count).toHaveText(/^\s*[\d,]+ documents? on this device\s*$/, { timeout });
    const text = (await this.count.textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
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
