/**
 * How many of a row's items (widths in order, `gap` between neighbours) fit in `available`
 * pixels: all of them when they fit as they are; otherwise as many as fit beside a "More"
 * button of `moreWidth` (which then takes the rest) — at least none, never a partial item.
 */
export function itemsThatFit(
  widths: readonly number[],
  moreWidth: number,
  gap: number,
  available: number,
): number {
  const span = (count: number) =>
    widths.slice(0, count).reduce((sum, width) => sum + width, 0) + Math.max(0, count - 1) * gap;
  // Half a pixel of slack: widths are fractional and rounding must not push the last one out.
  if (span(widths.length) <= available + 0.5) return widths.length;
  let count = widths.length - 1;
  while (count > 0 && span(count) + gap + moreWidth > available + 0.5) count -= 1;
  return count;
}
