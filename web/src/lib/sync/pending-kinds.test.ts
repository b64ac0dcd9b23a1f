import { describe, expect, it } from 'vitest';
import { pendingBreakdown } from './pending-kinds.ts';

describe('pendingBreakdown', () => {
  it('says what waits, kind by kind, leaving out what has nothing waiting', () => {
    expect(pendingBreakdown({ uploads: 1, patients: 2, visits: 0 })).toBe('2 patient records, 1 file'); // prettier-ignore
    expect(pendingBreakdown({ visits: 3 })).toBe('3 check-ins');
    expect(pendingBreakdown({})).toBe('');
  });
});
