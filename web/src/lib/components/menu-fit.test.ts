import { describe, expect, it } from 'vitest';
import { itemsThatFit } from './menu-fit.ts';

describe('itemsThatFit', () => {
  it('shows every item when the row holds them all, without a More button', () => {
    expect(itemsThatFit([80, 80, 80], 70, 4, 248)).toBe(3);
  });

  it('keeps room for More once one item is too many, and moves the last items behind it', () => {
    // 80 + 4 + 80 + 4 + More 70 = 238 fits in 240; a third item would not.
    expect(itemsThatFit([80, 80, 80], 70, 4, 240)).toBe(2);
  });

  it('puts everything behind More when not even the first item fits beside it', () => {
    expect(itemsThatFit([120, 80], 70, 4, 150)).toBe(0);
  });

  it('does not drop an item over a fraction of a pixel', () => {
    expect(itemsThatFit([80.3, 80.3], 70, 4, 164.5)).toBe(2);
  });

  it('never shows more items than fit, whatever their widths', () => {
    for (let run = 0; run < 200; run += 1) {
      const widths = Array.from(
        { length: 1 + (run % 9) },
        (_, i) => 30 + ((run * 7 + i * 13) % 90),
      );
      const available = 100 + ((run * 37) % 700);
      const count = itemsThatFit(widths, 72, 4, available);
      const used =
        widths.slice(0, count).reduce((a, b) => a + b, 0) +
        Math.max(0, count - 1) * 4 +
        (count < widths.length ? (count > 0 ? 4 : 0) + 72 : 0);
      expect(used).toBeLessThanOrEqual(available + 0.5);
    }
  });
});
