import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptableSteps,
  base32Decode,
  base32Encode,
  groupSecret,
  judgeTotp,
  normaliseTotpCode,
  otpauthUri,
  totpStep,
} from './totp.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('base32 (RFC 4648 §10 test vectors, without padding)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
    // The RFC 6238 Appendix B secret, as authenticator apps are given it.
    ['12345678901234567890', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'],
  ])('encodes %j as %s and back', (text, encoded) => {
    expect(base32Encode(bytes(text))).toBe(encoded);
    expect(base32Decode(encoded)).toEqual(bytes(text));
  });

  it('reads a secret as people copy it: lower case, grouped, padded', () => {
    expect(base32Decode('mzxw 6ytb oi======')).toEqual(bytes('foobar'));
  });

  it('refuses text that is not base32, or has stray trailing bits', () => {
    expect(base32Decode('MZXW1')).toBeNull();
    expect(base32Decode('MZ')).toBeNull();
    expect(base32Decode('M')).toBeNull();
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        expect(base32Decode(base32Encode(data))).toEqual(data);
      }),
      { seed: 20260302 },
    );
  });
});

describe('time steps', () => {
  it('counts whole 30-second periods since the epoch (RFC 6238 Appendix B times)', () => {
    expect(totpStep(new Date(59_000))).toBe(1);
    expect(totpStep(new Date(1_111_111_109_000))).toBe(0x23523ec);
    expect(totpStep(new Date(1_234_567_890_000))).toBe(0x273ef07);
    expect(totpStep(new Date(60_000))).toBe(2);
    expect(totpStep(new Date(59_999))).toBe(1);
  });

  it('accepts the step before, the current one and the one after, newest first', () => {
    expect(acceptableSteps(new Date(90_000))).toEqual([4, 3, 2]);
  });
});

describe('judging a matched code', () => {
  it('takes a code that matched no acceptable step as wrong', () => {
    expect(judgeTotp([], null)).toEqual({ ok: false, reason: 'wrong' });
    expect(judgeTotp([], 10)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('accepts the first use of a step', () => {
    expect(judgeTotp([10], null)).toEqual({ ok: true, step: 10 });
    expect(judgeTotp([10], 9)).toEqual({ ok: true, step: 10 });
  });

  it('refuses the same step again, and any step before the last accepted', () => {
    expect(judgeTotp([10], 10)).toEqual({ ok: false, reason: 'reused' });
    expect(judgeTotp([9], 10)).toEqual({ ok: false, reason: 'reused' });
  });

  it('takes the newest fresh step when one code matches several', () => {
    expect(judgeTotp([11, 9], null)).toEqual({ ok: true, step: 11 });
    expect(judgeTotp([11, 9], 11)).toEqual({ ok: false, reason: 'reused' });
  });
});

describe('what staff type and read', () => {
  it('ignores spaces and dashes inside a typed code', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456');
    expect(normaliseTotpCode('123-456')).toBe('123456');
  });

  it('shows the secret in groups of four', () => {
    expect(groupSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe(
      'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ',
    );
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('builds the otpauth URI with issuer ClinicDesk and the username as the account', () => {
    expect(otpauthUri({ account: 'mo.manager', secret: 'GEZDGNBVGY3TQOJQ' })).toBe(
      'otpauth://totp/ClinicDesk:mo.manager?secret=GEZDGNBVGY3TQOJQ&issuer=ClinicDesk&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('escapes an account name so it cannot add to the label or the query', () => {
    const uri = new URL(otpauthUri({ account: 'a&b:c?d', secret: 'MY' }));
    expect(uri.host).toBe('totp');
    expect(uri.pathname).toBe('/ClinicDesk:a%26b%3Ac%3Fd');
    expect(uri.searchParams.get('secret')).toBe('MY');
  });
});
