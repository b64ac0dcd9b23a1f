import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** The office manager's filing setup (/filing/setup and its tabs), driven by visible labels. */
export class FilingSetupScreen {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(tab: 'Categories' | 'Document types' | 'Tags' | 'Correspondents' | 'Expiring') {
    if (!this.page.url().includes('/filing/setup')) await this.page.goto('/filing/setup');
    await expect(this.page.getByRole('heading', { name: 'Filing setup', level: 1 })).toBeVisible();
    await this.tabs.getByRole('link', { name: tab, exact: true }).click();
    await expect(this.tabs.getByRole('link', { name: tab, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }

  get tabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Filing setup' });
  }

  get tree(): Locator {
    return this.page.getByRole('list', { name: 'Categories' });
  }

  /** The tree's row of a category, by its exact name. */
  category(name: string): Locator {
    return this.tree
      .getByTestId('category-row')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async select(name: string): Promise<Locator> {
    await this.category(name)
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .click();
    const editor = this.page.getByTestId('category-editor');
    await expect(editor.getByRole('heading', { level: 2 })).toContainText(name);
    return editor;
  }

  get editor(): Locator {
    return this.page.getByTestId('category-editor');
  }

  get notice(): Locator {
    return this.page.getByTestId('setup-notice');
  }

  async startFromSuggestedTree(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start from the suggested tree' }).click();
    await expect(this.category('Labs')).toBeVisible();
  }

  async addSubcategory(parent: string, name: string): Promise<void> {
    const editor = await this.select(parent);
    await editor.getByLabel(`New subcategory under ${parent}`).fill(name);
    await editor.getByRole('button', { name: 'Add subcategory' }).click();
    await expect(this.notice).toHaveText(`Added “${name}” under ${parent}`);
    await expect(this.category(name)).toBeVisible();
  }

  /** Leaves only these roles ticked (the office manager always is) and saves. */
  async restrictTo(name: string, roles: string[]): Promise<Locator> {
    const editor = await this.select(name);
    const form = editor.getByRole('form', { name: `Who may read ${name}` });
    for (const role of ['Front desk', 'Billing', 'Clinician']) {
      const box = form.getByRole('checkbox', { name: new RegExp(`^${role}`) });
      if (roles.includes(role)) await box.check();
      else await box.uncheck();
    }
    return form;
  }

  /** No accessibility violations axe can find on the page as it stands. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
}
