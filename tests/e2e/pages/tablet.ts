import { expect, type Locator, type Page } from '@playwright/test';

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

/** An inline text (a chart number, say) is on one line: it has one box, not one per line. */
export async function expectOnOneLine(text: Locator): Promise<void> {
  await expect(text).toBeVisible();
  expect(await text.evaluate((el) => el.getClientRects().length), 'broken across lines').toBe(1);
}

/** Every visible drop-down shows its chosen answer whole ("Acknowledgment obta" is cut off). */
export async function expectChoicesShownWhole(page: Page): Promise<void> {
  const cut = await page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no canvas');
    return [...document.querySelectorAll('select')]
      .filter((select) => select.offsetParent !== null)
      .filter((select) => {
        const style = getComputedStyle(select);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.selectedOptions[0]?.text ?? '';
        // The drop-down arrow takes about 1.5em at the right, inside the padding box.
        const room =
          select.clientWidth -
          parseFloat(style.paddingLeft) -
          parseFloat(style.paddingRight) -
          1.5 * parseFloat(style.fontSize);
        return context.measureText(text).width > room;
      })
      .map((select) => `${select.id}: ${select.selectedOptions[0]?.text ?? ''}`);
  });
  expect(cut, 'drop-downs whose answer is cut off').toEqual([]);
}

/**
 * Fields side by side in a row of a form line up: the controls of fields that start on the same
 * line of their grid have the same top, whatever their labels, hints and errors.
 */
export async function expectFieldsLineUp(form: Locator): Promise<void> {
  const misaligned = await form.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.row')].flatMap((row) => {
      const byLine = new Map<number, { id: string; top: number }[]>();
      for (const field of row.querySelectorAll<HTMLElement>(':scope > *')) {
        // A field, or a field wrapped with something under it (an "estimated" box).
        const control = field.querySelector<HTMLElement>(
          ':scope > :is(input, select), :scope > .form-field > :is(input, select)',
        );
        if (!control || field.offsetParent === null) continue;
        const line = Math.round(field.getBoundingClientRect().top);
        const top = control.getBoundingClientRect().top;
        byLine.set(line, [...(byLine.get(line) ?? []), { id: control.id, top }]);
      }
      return [...byLine.values()]
        .filter((fields) => fields.some((f) => Math.abs(f.top - (fields[0]?.top ?? 0)) > 1))
        .map((fields) => fields.map((f) => `${f.id}@${Math.round(f.top)}`).join(' '));
    }),
  );
  expect(misaligned, 'fields side by side whose inputs do not line up').toEqual([]);
}
