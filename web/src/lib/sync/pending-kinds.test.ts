import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@clinicdesk/shared/sync/collection-names.ts';
import { pendingBreakdown } from './pending-kinds.ts';

describe('pendingBreakdown', () => {
  it('says what waits, kind by kind, leaving out what has nothing waiting', () => {
    expect(pendingBreakdown({ uploads: 1, patients: 2, visits: 0 })).toBe('2 patient records, 1 file'); // prettier-ignore
    expect(pendingBreakdown({ visits: 3 })).toBe('3 check-ins');
    expect(pendingBreakdown({})).toBe('');
  });

  it('has staff’s words for every partition, not its code name', () => {
    for (const name of COLLECTION_NAMES) {
      const words = pendingBreakdown({ [name]: 2 });
      expect(words, name).toMatch(/^2 [a-z -]+s$/);
    }
    expect(pendingBreakdown({ acknowledgments: 1, policies: 2 })).toBe('2 policy records, 1 acknowledgment'); // prettier-ignore
  });
});
