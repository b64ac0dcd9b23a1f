import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.ts';
import { requiresSecondFactor } from './second-factor.ts';

describe('who signs in with a second factor', () => {
  it('is every office manager and administrator, and no other role', () => {
    const required = ROLES.filter((role) => requiresSecondFactor({ role, demoAccount: false }));
    expect(required).toEqual(['office-manager', 'admin']);
  });

  it('exempts the demo clinic accounts, whose passwords are published', () => {
    for (const role of ROLES) expect(requiresSecondFactor({ role, demoAccount: true })).toBe(false);
  });
});
