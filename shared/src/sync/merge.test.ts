import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from './merge.ts';

const base = {
  id: 'p1',
  givenName: 'Rowan',
  familyName: 'Ashby',
  phone: '+15552010147',
  address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '62704' },
  updatedAt: '2026-11-26T10:00:00.000Z',
  _deleted: false,
};
const latestWins = ['updatedAt'];

describe('mergeThreeWay', () => {
  it('keeps changes to different fields from both sides', () => {
    const server = { ...base, phone: '+15552010199', updatedAt: '2026-11-26T11:00:00.000Z' };
    const local = { ...base, givenName: 'Rowen', updatedAt: '2026-11-26T10:30:00.000Z' };
    const { merged, conflicts } = mergeThreeWay(base, server, local, { latestWins });
    expect(merged).toEqual({
      ...base,
      givenName: 'Rowen',
      phone: '+15552010199',
      updatedAt: '2026-11-26T11:00:00.000Z',
    });
    expect(conflicts).toEqual([]);
  });

  it('merges nested address fields separately', () => {
    const server = { ...base, address: { ...base.address, city: 'Shelbyville' } };
    const local = { ...base, address: { ...base.address, line1: '2 Oak Ave' } };
    const { merged, conflicts } = mergeThreeWay(base, server, local);
    expect(merged.address).toEqual({ ...base.address, city: 'Shelbyville', line1: '2 Oak Ave' });
    expect(conflicts).toEqual([]);
  });

  it('keeps the server value and reports both when the same field changed differently', () => {
    const server = { ...base, phone: '+15552010199' };
    const local = { ...base, phone: '+15552010100' };
    const { merged, conflicts } = mergeThreeWay(base, server, local);
    expect(merged.phone).toBe('+15552010199');
    expect(conflicts).toEqual([
      { path: 'phone', base: '+15552010147', server: '+15552010199', local: '+15552010100' },
    ]);
  });

  it('does not report the same change made on both sides', () => {
    const edited = { ...base, phone: '+15552010199' };
    expect(mergeThreeWay(base, edited, { ...edited }).conflicts).toEqual([]);
  });

  it('keeps a field removed on one side removed', () => {
    const { phone: _phone, ...withoutPhone } = base;
    const { merged } = mergeThreeWay(base, base, withoutPhone as typeof base);
    expect('phone' in merged).toBe(false);
  });

  it('reports every difference when there is no common base', () => {
    const { conflicts } = mergeThreeWay(undefined, base, { ...base, givenName: 'Ro' });
    expect(conflicts.map((c) => c.path)).toEqual(['givenName']);
  });
});
