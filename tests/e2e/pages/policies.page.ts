import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { expectFitsAndTouchable, TABLET_SIZES } from './tablet.ts';

/** The policy screens as staff drive them, by what they read on the screen. */
export class PolicyScreens {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Signs in whoever it is and opens the library (their own first page may be another). */
  async signInToLibrary(username: string, password: string): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('link', { name: 'Policies', exact: true })).toBeVisible();
    await this.page.getByRole('link', { name: 'Policies', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Policies', level: 1 })).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  get editor() {
    return this.page.getByRole('textbox', { name: 'Policy text' });
  }

  /** Types a new paragraph at the end of the text and waits until it is stored here. */
  async addParagraph(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
    await expect(this.page.getByText('Saving…')).toBeVisible();
    await expect(this.page.getByText('Saved on this device')).toBeVisible();
  }

  /** The screen at both sizes: fits, touchable, no axe violation, and a screenshot to look at. */
  async shoot(name: string): Promise<void> {
    const before = this.page.viewportSize();
    for (const size of TABLET_SIZES) {
      await this.page.setViewportSize(size);
      await expectFitsAndTouchable(this.page);
      await this.page.screenshot({
        path: new URL(`../../.artifacts/screenshots/policies-${name}-${size.name}.png`, import.meta.url).pathname, // prettier-ignore
        fullPage: true,
      });
    }
    if (before) await this.page.setViewportSize(before);
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }

  get status() {
    return this.page.getByTestId('version-status');
  }
}
