import { type Browser, chromium, type Page } from '@playwright/test';
import config from '../playwright.config.ts';

/** Debian's Chromium with the end-to-end suite's launch options (tests/playwright.config.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...config.use?.launchOptions, headless: true });
}

/**
 * The benchmark page in a fresh browser context: a new device with empty storage. Service
 * workers are blocked so nothing stands between the page and the network.
 */
export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`benchmark page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}
