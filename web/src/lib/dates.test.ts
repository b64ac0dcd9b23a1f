import { describe, expect, it } from 'vitest';
import { formatDay } from './dates.ts';

describe('formatDay', () => {
  it('writes the local day of a timestamp as MM/DD/YYYY, zero-padded', () => {
    expect(formatDay(new Date(2026, 11, 2, 9, 5).toISOString())).toBe('12/02/2026');
    expect(formatDay(new Date(2027, 0, 9, 23, 59).toISOString())).toBe('01/09/2027');
  });
});
