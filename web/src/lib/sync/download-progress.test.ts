import { describe, expect, it } from 'vitest';
import {
  afterAnswer,
  combined,
  countText,
  NOT_STARTED,
  progressOf,
  timeLeftText,
} from './download-progress.ts';

describe('download progress', () => {
  it('measures the rate from the first answer on, and estimates the time left from it', () => {
    let download = afterAnswer(NOT_STARTED, 1000, 5000, 10_000);
    expect(progressOf(download)).toEqual({ received: 1000, total: 6000, secondsLeft: null });
    download = afterAnswer(download, 1000, 4000, 12_000);
    // 1,000 in 2 s: 4,000 more in 8 s.
    expect(progressOf(download)).toEqual({ received: 2000, total: 6000, secondsLeft: 8 });
  });

  it('adds collections up, the slowest deciding the time left', () => {
    const patients = afterAnswer(afterAnswer(NOT_STARTED, 1000, 2000, 0), 1000, 1000, 1000);
    const visits = afterAnswer(afterAnswer(NOT_STARTED, 100, 300, 0), 100, 200, 1000);
    expect(combined([patients, visits])).toEqual({ received: 2200, total: 3400, secondsLeft: 2 });
    expect(combined([patients, NOT_STARTED])).toEqual({
      received: 2000,
      total: null,
      secondsLeft: null,
    });
    expect(combined([])).toBeNull();
  });

  it('says it as staff would', () => {
    expect(countText({ received: 1000, total: 3000, secondsLeft: null })).toBe('1,000 of 3,000');
    expect(countText({ received: 1000, total: null, secondsLeft: null })).toBe('1,000 so far');
    expect(timeLeftText(null)).toBeNull();
    expect(timeLeftText(12)).toBe('Less than a minute left');
    expect(timeLeftText(60)).toBe('About 1 minute left');
    expect(timeLeftText(150)).toBe('About 3 minutes left');
    expect(timeLeftText(7200)).toBe('About 2 hours left');
  });
});
