import { describe, expect, it } from 'vitest';
import { base32Encode, totpStep } from '@clinicdesk/shared/auth/totp.ts';
import { hotp, verifyTotp } from './totp-code.ts';

const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const RFC_SECRET_BASE32 = base32Encode(RFC_SECRET);

describe('HOTP and TOTP codes', () => {
  it('match the RFC 4226 Appendix D values for counters 0–9', () => {
    // prettier-ignore
    const expected = [
      '755224', '287082', '359152', '969429', '338314',
      '254676', '287922', '162583', '399871', '520489',
    ];
    expect(Array.from({ length: 10 }, (_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  it.each([
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ])('match RFC 6238 Appendix B (SHA-1, 8 digits) at %i s', (seconds, code) => {
    expect(hotp(RFC_SECRET, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
  });
});

describe('verifying a typed code at server time', () => {
  const at = new Date(1_234_567_890_000);
  const step = totpStep(at);
  const code = (offset: number) => hotp(RFC_SECRET, step + offset);

  it('accepts the current step and the ones either side, and says which step was used', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, code(0), at, null)).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET_BASE32, code(-1), at, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(RFC_SECRET_BASE32, code(1), at, null)).toEqual({ ok: true, step: step + 1 });
  });

  it('refuses codes two steps away as wrong', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, code(-2), at, null)).toEqual({
      ok: false,
      reason: 'wrong',
    });
    expect(verifyTotp(RFC_SECRET_BASE32, code(2), at, null)).toEqual({
      ok: false,
      reason: 'wrong',
    });
  });

  it('refuses a step already used', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, code(0), at, step)).toEqual({
      ok: false,
      reason: 'reused',
    });
  });

  it('refuses codes of the wrong length without matching a prefix', () => {
    expect(verifyTotp(RFC_SECRET_BASE32, code(0).slice(0, 5), at, null).ok).toBe(false);
    expect(verifyTotp(RFC_SECRET_BASE32, `${code(0)}0`, at, null).ok).toBe(false);
  });
});
