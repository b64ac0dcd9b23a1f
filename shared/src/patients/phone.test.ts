import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['(555) 201-0147', '+15552010147'],
    ['555.201.0147', '+15552010147'],
    ['1 555 201 0147', '+15552010147'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each(['201-0147', '055 201 0147', '555 101 0147', 'call me', '+0 123', ''])(
    'refuses %j',
    (input) => expect(normalisePhone(input)).toBeNull(),
  );

  it('formats North American numbers for display and leaves others as stored', () => {
    expect(formatPhone('+15552010147')).toBe('(555) 201-0147');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
  });
});
