import { describe, expect, it } from 'vitest';
import { policy, published, versionOf } from './policy.fixture.ts';
import { keptUntil, mayDiscard, versionInForce } from './version-in-force.ts';

describe('versionInForce', () => {
  const v1 = published(1, { status: 'superseded', supersededOn: '2027-03-01' });
  const v2 = published(2, { effectiveOn: '2027-03-01' });
  const versions = [v1, v2, versionOf(3)];

  it('keeps the old version in force until the new one’s effective date', () => {
    expect(versionInForce(versions, policy.id, '2027-02-28')?.versionNumber).toBe(1);
    expect(versionInForce(versions, policy.id, '2027-03-01')?.versionNumber).toBe(2);
    expect(versionInForce(versions, policy.id, '2026-01-31')).toBeUndefined();
  });

  it('has none in force once retired', () => {
    const retired = { ...v2, status: 'retired' as const, retiredOn: '2028-01-01' };
    expect(versionInForce([v1, retired], policy.id, '2027-12-31')?.versionNumber).toBe(2);
    expect(versionInForce([v1, retired], policy.id, '2028-01-01')).toBeUndefined();
  });

  it('keeps a superseded version six years from the day it stopped being in force', () => {
    expect(keptUntil(v1)).toBe('2033-03-01');
    expect(keptUntil(v2)).toBeUndefined();
    expect(mayDiscard(v1, '2033-02-28')).toBe(false);
    expect(mayDiscard(v1, '2033-03-01')).toBe(true);
    expect(keptUntil(published(1, { status: 'superseded', supersededOn: '2028-02-29' }))).toBe('2034-03-01'); // prettier-ignore
  });
});
