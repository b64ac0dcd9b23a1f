import { expect, type Locator, type Page } from '@playwright/test';

/** The check-in board and its confirmation step, as the front desk uses them. */
export class CheckInBoard {
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Check-in' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Check-in', exact: true })).toBeVisible();
  }

  /** Finds the patient in the board's search and opens the confirmation step. */
  async startCheckIn(search: string, familyName: string, givenName: string): Promise<void> {
    await this.page.getByLabel('Check in a patient').fill(search);
    await this.page
      .getByTestId('check-in-candidate')
      .filter({ hasText: `${familyName}, ${givenName}` })
      .click();
    await expect(
      this.page.getByRole('heading', { name: `Check in ${givenName} ${familyName}` }),
    ).toBeVisible();
  }

  column(id: 'waiting' | 'in-room' | 'done'): Locator {
    return this.page.getByTestId(`column-${id}`);
  }

  card(id: 'waiting' | 'in-room' | 'done', familyName: string, givenName: string): Locator {
    return this.column(id)
      .getByTestId('visit-card')
      .filter({ hasText: `${familyName}, ${givenName}` });
  }
}
