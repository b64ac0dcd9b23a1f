import { describe, expect, it } from 'vitest';
import { hashPassword, UNKNOWN_USER_PASSWORD_HASH, verifyPassword } from './password-hash.ts';

const salt = Uint8Array.from({ length: 16 }, (_, i) => i);

describe('password hashes', () => {
  it('verify the password they were made from, and no other', async () => {
    const encoded = await hashPassword('front desk morning', salt);
    expect(encoded).toMatch(/^\$scrypt\$n=32768,r=8,p=1\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('front desk morning', encoded)).toBe(true);
    expect(await verifyPassword('front desk mornin', encoded)).toBe(false);
    expect(await verifyPassword('Front desk morning', encoded)).toBe(false);
  });

  it('treat the same visible password typed in either Unicode form as equal', async () => {
    const encoded = await hashPassword('Jos\u00e9-clinic-2026', salt);
    expect(await verifyPassword('Jose\u0301-clinic-2026', encoded)).toBe(true);
  });

  it('never match the stand-in hash used for unknown usernames', async () => {
    expect(await verifyPassword('', UNKNOWN_USER_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('A', UNKNOWN_USER_PASSWORD_HASH)).toBe(false);
  });

  it('reject malformed or absurdly expensive hashes without running them', async () => {
    const encoded = await hashPassword('front desk morning', salt);
    expect(await verifyPassword('front desk morning', 'plain-text')).toBe(false);
    expect(
      await verifyPassword('front desk morning', encoded.replace('n=32768', 'n=1073741824')),
    ).toBe(false);
  });
});
