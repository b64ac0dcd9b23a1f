import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in screen with its two-factor steps, as an office manager meets it. */
export class SignInScreen {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Username and password; the screen then shows the role's page or a two-factor step. */
  async enterPassword(username: string, password: string): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  get enrolStep(): Locator {
    return this.page.getByRole('form', { name: 'Set up two-factor sign-in', exact: true });
  }

  get codeStep(): Locator {
    return this.page.getByRole('form', { name: 'Two-factor sign-in', exact: true });
  }

  get codeField(): Locator {
    return this.page.getByLabel('Enter the 6-digit code from your authenticator app');
  }

  get problem(): Locator {
    return this.page.getByTestId('code-problem');
  }

  /** The key shown for typing into an app by hand, as shown ("ABCD EFGH …"). */
  async shownKey(): Promise<string> {
    await expect(this.enrolStep.getByTestId('enrol-secret')).toHaveText(
      /^[A-Z2-7]{4}( [A-Z2-7]{4})+$/,
    );
    return (await this.enrolStep.getByTestId('enrol-secret').textContent()) ?? '';
  }

  /** Types a code and submits the step that is showing. */
  async enterCode(code: string): Promise<void> {
    await this.codeField.fill(code);
    await this.page.getByRole('button', { name: /^(Sign in|Confirm and sign in)$/ }).click();
  }

  async expectRefused(message: RegExp): Promise<void> {
    await expect(this.problem).toHaveText(message);
    await expect(this.problem).toHaveAttribute('role', 'alert');
    await expect(this.codeField).toHaveAttribute('aria-invalid', 'true');
    await expect(this.codeField).toHaveAttribute('aria-describedby', /code-problem|enrol-problem/);
  }
}
