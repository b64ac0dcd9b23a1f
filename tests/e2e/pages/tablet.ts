import { expect, type Page } from '@playwright/test';

/** The tablet sizes every screen must work at (BRIEF §4). */
export const TABLET_SIZES = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1024, height: 768 },
] as const;

/** Nothing scrolls sideways, and every visible control is at least 44 px tall. */
export async function expectFitsAndTouchable(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a, button, input, select')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
      // A checkbox or radio button is touched through its label, which must be large enough.
      .map((el) =>
        el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') ?? el) : el,
      )
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(small, 'touch targets under 44 px').toEqual([]);
}
