import { expect, type Locator, type Page } from '@playwright/test';

/** The acknowledgment screens as staff use them: the home panel, reading, the report. */
export class AcknowledgmentsScreen {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get homePanel(): Locator {
    return this.page.getByRole('region', { name: 'To read and acknowledge' });
  }

  /** From the home panel: opens the policy to read. */
  async openFromHome(policy: string): Promise<void> {
    await this.homePanel.getByRole('link', { name: new RegExp(policy) }).click();
    await expect(this.page.getByRole('heading', { name: policy, level: 1 })).toBeVisible();
    await expect(this.page.getByRole('article', { name: 'Policy text' })).not.toContainText(
      'Opening the policy',
    );
  }

  /** Types the full name and confirms; waits for the recorded notice. */
  async acknowledgeAs(fullName: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: 'Acknowledge' });
    await form.getByLabel('Type your full name to confirm it is you').fill(fullName);
    await form.getByRole('button', { name: 'I acknowledge' }).click();
    const notice = this.page.getByRole('status').filter({ hasText: 'Acknowledgment recorded' });
    await expect(notice).toContainText(`recorded for ${fullName}`);
    return notice;
  }

  /** "Someone else acknowledging?": the next colleague picks their name on the same tablet. */
  async handTo(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Next person' }).click();
    await this.page.getByRole('button', { name: 'Someone else acknowledging?' }).click();
    await this.page.getByRole('group', { name: 'Who are you?' }).getByRole('button', { name }).click(); // prettier-ignore
    await expect(this.page.getByLabel('Who is acknowledging')).toContainText(`Acknowledging as ${name}`); // prettier-ignore
  }

  async openReport(): Promise<void> {
    await this.page.goto('/policies/acknowledgments');
    await expect(this.page.getByRole('heading', { name: 'Acknowledgments', level: 1 })).toBeVisible(); // prettier-ignore
  }

  /** The office manager assigns a published version to a role. */
  async assign(version: string, role: string, days: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Assign a policy to acknowledge' });
    await form.getByLabel('Policy version').selectOption({ label: version });
    await form.getByRole('checkbox', { name: role, exact: true }).check();
    await form.getByLabel('Days to acknowledge').fill(String(days));
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect(form.getByRole('status')).toContainText('Assigned');
  }

  acknowledgedRow(name: string): Locator {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: 'How' }) })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
}
