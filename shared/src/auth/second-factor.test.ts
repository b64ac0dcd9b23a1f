import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.ts';
import { requiresSecondFactor, secondFactorStatus } from './second-factor.ts';

describe('who signs in with a second factor', () => {
  it('is every office manager and administrator, and no other role', () => {
    const required = ROLES.filter((role) => requiresSecondFactor({ role, demoAccount: false }));
    expect(required).toEqual(['office-manager', 'admin']);
  });

  it('exempts the demo clinic accounts, whose passwords are published', () => {
    for (const role of ROLES) expect(requiresSecondFactor({ role, demoAccount: true })).toBe(false);
  });
});

describe('how the Staff page describes it', () => {
  it('tells roles without a second factor, demo accounts, and whether a person has enrolled', () => {
    expect(secondFactorStatus({ role: 'front-desk', demoAccount: false }, false)).toBe(
      'not-required',
    );
    expect(secondFactorStatus({ role: 'front-desk', demoAccount: true }, false)).toBe(
      'not-required',
    );
    expect(secondFactorStatus({ role: 'admin', demoAccount: true }, false)).toBe('demo-exempt');
    expect(secondFactorStatus({ role: 'admin', demoAccount: false }, false)).toBe('not-enrolled');
    expect(secondFactorStatus({ role: 'office-manager', demoAccount: false }, true)).toBe(
      'enrolled',
    );
  });
});
