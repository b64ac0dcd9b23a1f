import { describe, expect, it } from 'vitest';
import { median, quantile, ratio, summarize } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates percentiles between ranks instead of reporting the maximum', () => {
    const samples = Array.from({ length: 21 }, (_, i) => i); // 0…20
    expect(quantile(samples, 0.95)).toBe(19);
    expect(quantile(samples, 0)).toBe(0);
    expect(quantile(samples, 1)).toBe(20);
    expect(summarize([10, 20]).p95).toBeCloseTo(19.5);
  });

  it('refuses to summarize nothing', () => {
    expect(() => median([])).toThrow('no samples');
  });

  it('gives the ratio to the baseline, and none against a zero baseline', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(5, 0)).toBeNull();
  });
});
