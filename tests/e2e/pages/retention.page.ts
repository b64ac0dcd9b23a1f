import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { PROTOCOL_VERSION, SYNC_BASE_PATH } from '../../../shared/src/sync/protocol.ts';

export type RetentionTab = 'Disposition review' | 'Retention rules' | 'Legal holds';

/**
 * Records pushed through the sync API as the signed-in person, as another tablet of the
 * practice would have pushed them (the journey's data; the journey itself uses the screens).
 */
export async function pushRecords(
  page: Page,
  partition: 'patients' | 'filing',
  records: (Record<string, unknown> & { id: string; kind: string })[],
): Promise<void> {
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
      url: `${SYNC_BASE_PATH}/${partition}/push`,
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

/** Who this device's signed-in person is, as the stamps they push must say (name, ids). */
export async function signedInEditor(
  page: Page,
): Promise<{ userId: string; name: string; deviceId: string }> {
  const deviceId = await page.evaluate(() => localStorage.getItem('clinicdesk.device-id'));
  const response = await page.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  const { user } = (await response.json()) as { user: { id: string; displayName: string } };
  return { userId: user.id, name: user.displayName, deviceId: deviceId ?? '' };
}

/** The office manager's retention screens (/filing/retention and its tabs), by visible labels. */
export class RetentionScreens {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Filing › Retention from the menus, then the tab. */
  async open(tab: RetentionTab): Promise<void> {
    if (!this.page.url().includes('/filing/retention')) {
      await this.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Filing' })
        .click();
      await this.page
        .getByRole('navigation', { name: 'Filing' })
        .getByRole('link', { name: 'Retention' })
        .click();
      await expect(this.page.getByRole('heading', { name: 'Retention', level: 1 })).toBeVisible();
    }
    const link = this.page
      .getByRole('navigation', { name: 'Retention' })
      .getByRole('link', { name: tab });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.page.getByRole('heading', { name: tab, level: 2 })).toBeVisible();
  }

  /** Adds a rule on a category through the rule form. */
  async addRule(rule: {
    name: string;
    category: string;
    basis: string;
    years: string;
    citation: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a rule' }).click();
    const form = this.page.getByRole('form', { name: 'New retention rule' });
    await form.getByLabel('Name', { exact: true }).fill(rule.name);
    const category = form.getByLabel('Category', { exact: true });
    const labels = await category.locator('option').allTextContents();
    const label = labels.find((text) => text.trim() === rule.category);
    if (label === undefined) throw new Error(`No category ${rule.category}`);
    await category.selectOption({ label });
    await form.getByRole('radio', { name: new RegExp(`^${rule.basis}`) }).check();
    await form.getByLabel('Years', { exact: true }).fill(rule.years);
    await form.getByLabel(/^Where the number comes from/).fill(rule.citation);
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(this.page.getByTestId('rules-notice')).toHaveText(
      `Added “${rule.name}” on this device`,
    );
  }

  ruleRow(name: string): Locator {
    return this.page.getByTestId('rule-row').filter({ hasText: name });
  }

  /** Finds the patient by what is typed and chooses them; fills the reason and matter. */
  async fillHoldOnPatient(search: string, patient: string, reason: string, matter: string) {
    const form = this.page.getByRole('form', { name: 'Place a legal hold' });
    await form.getByRole('radio', { name: 'All documents of a patient' }).check();
    await form.getByLabel('Patient', { exact: true }).fill(search);
    await form
      .getByRole('list', { name: 'Patients found' })
      .getByRole('button', { name: new RegExp(patient) })
      .click();
    await form.getByLabel('Reason').fill(reason);
    await form.getByLabel(/^Matter/).fill(matter);
    return form;
  }

  standingHold(text: string): Locator {
    return this.page.getByTestId('standing-hold').filter({ hasText: text });
  }

  releasedHold(text: string): Locator {
    return this.page.getByTestId('released-hold').filter({ hasText: text });
  }

  dueEntry(title: string): Locator {
    return this.page.getByTestId('due-entry').filter({ hasText: title });
  }

  heldEntry(title: string): Locator {
    return this.page.getByTestId('held-entry').filter({ hasText: title });
  }

  unknownEntry(title: string): Locator {
    return this.page.getByTestId('unknown-entry').filter({ hasText: title });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Asks the server again and waits until it has answered (or could not be reached). */
  async refresh(): Promise<void> {
    const button = this.page.getByRole('button', { name: /^(Refresh the list|Checking…)$/ });
    await button.click();
    await expect(button).toHaveText('Refresh the list');
    await expect(button).toBeEnabled();
  }

  /** Presses Destroy on a due line: the confirmation opens. */
  async askToDestroy(title: string): Promise<Locator> {
    await this.dueEntry(title)
      .getByRole('button', { name: `Destroy ${title}` })
      .click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  /** No accessibility violations axe can find on the page as it stands. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
}
