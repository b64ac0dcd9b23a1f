import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './merge.ts';

const base: Record<string, unknown> & { address: Record<string, string> } = {
  id: 'p1',
  givenName: 'Rowan',
  familyName: 'Ashby',
  phone: '+15552010147',
  address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' },
  _deleted: false,
};

describe('mergeThreeWay', () => {
  it('keeps changes to different fields from both sides', () => {
    const kept = { ...base, phone: '+15552010199' };
    const other = { ...base, givenName: 'Rowen' };
    const { merged, differences } = mergeThreeWay(base, kept, other);
    expect(merged).toEqual({ ...base, givenName: 'Rowen', phone: '+15552010199' });
    expect(differences).toEqual([]);
  });

  it('merges nested address fields separately', () => {
    const kept = { ...base, address: { ...base.address, city: 'Shelbyville' } };
    const other = { ...base, address: { ...base.address, line1: '2 Oak Ave' } };
    const { merged, differences } = mergeThreeWay(base, kept, other);
    expect(merged.address).toEqual({ ...base.address, city: 'Shelbyville', line1: '2 Oak Ave' });
    expect(differences).toEqual([]);
  });

  it('keeps the kept value and reports both when the same field changed differently', () => {
    const { merged, differences } = mergeThreeWay(
      base,
      { ...base, address: { ...base.address, city: 'Shelbyville' } },
      { ...base, address: { ...base.address, city: 'Ogdenville' } },
    );
    expect(merged.address).toEqual({ ...base.address, city: 'Shelbyville' });
    expect(differences).toEqual([
      { path: 'address.city', base: 'Springfield', kept: 'Shelbyville', other: 'Ogdenville' },
    ]);
  });

  it('does not report the same change made on both sides', () => {
    const edited = { ...base, phone: '+15552010199' };
    expect(mergeThreeWay(base, edited, { ...edited }).differences).toEqual([]);
  });

  it('keeps a field removed on one side removed', () => {
    const { phone: _phone, ...withoutPhone } = base;
    const { merged } = mergeThreeWay(base, base, withoutPhone as typeof base);
    expect('phone' in merged).toBe(false);
  });

  it('reports every difference when there is no common base', () => {
    const { differences } = mergeThreeWay(undefined, base, { ...base, givenName: 'Ro' });
    expect(differences.map((d) => d.path)).toEqual(['givenName']);
  });

  it('leaves skipped top-level fields to the caller', () => {
    const { merged } = mergeThreeWay(
      base,
      { ...base, updatedAt: 'a' },
      { ...base, updatedAt: 'b' },
      ['updatedAt'],
    );
    expect('updatedAt' in merged).toBe(false);
  });
});
