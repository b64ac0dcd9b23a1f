import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_RULES } from './password-rules.ts';

const person = { username: 'rosa.diaz', displayName: 'Rosa Díaz' };
const COMMON = new Set(['correcthorsebatterystaple', 'qwerty123456789']);
const check = (password: string) => checkPassword(password, person, (p) => COMMON.has(p));

describe('password rules (NIST SP 800-63B)', () => {
  it('takes long passphrases of any characters, without composition rules', () => {
    for (const ok of [
      'lantern orchard violet',
      'all lowercase letters only here',
      'fjord kaffe 🌧 tröja nätter',
      '   spaces   count    too   ',
    ])
      expect(check(ok)).toEqual({ ok: true, value: true });
  });

  it(`needs ${PASSWORD_RULES.minLength} characters, counted as characters, not bytes`, () => {
    expect(check('fourteen chars').ok).toBe(false);
    expect(check('fifteen chars!!').ok).toBe(true);
    // 14 emoji are 28 UTF-16 units but 14 characters: too short.
    expect(check('🌧'.repeat(7) + '🌊'.repeat(7)).ok).toBe(false);
  });

  it(`allows up to ${PASSWORD_RULES.maxLength} characters`, () => {
    const long = 'lantern orchard violet '.repeat(6).slice(0, PASSWORD_RULES.maxLength);
    expect(long.length).toBe(PASSWORD_RULES.maxLength);
    expect(check(long).ok).toBe(true);
    expect(check(`${long}z`)).toEqual({ ok: false, error: 'Use at most 128 characters' });
  });

  it('refuses common passwords whatever their case or spacing', () => {
    expect(check('QWERTY123456789').ok).toBe(false);
    expect(check('correct horse battery staple')).toEqual({
      ok: false,
      error: 'This password is on a list of common or leaked passwords; choose another',
    });
  });

  it('refuses repeats and runs, and passwords made of the person’s own names', () => {
    expect(check('aaaaaaaaaaaaaaaa').ok).toBe(false);
    expect(check('abcabcabcabcabcabc').ok).toBe(false);
    expect(check('123456789012345').ok).toBe(false);
    expect(check('rosadiaz20262026').ok).toBe(false);
    expect(check('Rosa.Diaz ClinicDesk 1').ok).toBe(false);
  });
});
