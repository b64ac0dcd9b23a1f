import { describe, expect, it } from 'vitest';
import { retryDelay } from './upload-queue.ts';

describe('retryDelay', () => {
  it('doubles from about 2 s, each wait between half and all of its ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0.999_999))).toEqual([
      2000, 4000, 8000, 16000,
    ]);
  });

  it('never waits longer than 5 minutes, however many attempts failed', () => {
    expect(retryDelay(30, 0.999_999)).toBe(300_000);
    expect(retryDelay(1_000, 0)).toBe(150_000);
  });
});
