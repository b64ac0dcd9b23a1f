/**
 * The pure half of TOTP second-factor sign-in (RFC 6238 over RFC 4226 HOTP): the time step, the
 * window a code may come from, which of those steps a code counts for, the secret's base32 text
 * and the otpauth:// URI authenticator apps read. The HMAC itself is computed by the server
 * (node:crypto); nothing here reads a clock or makes a secret.
 */
export const TOTP = {
  /** Seconds per step (RFC 6238's default, and what every authenticator app assumes). */
  periodSeconds: 30,
  digits: 6,
  /** Steps either side of the server's own a code may come from: clock drift and typing time. */
  window: 1,
  /** 160 bits, the HMAC-SHA1 block RFC 4226 §4 recommends (R6: at least 128). */
  secretBytes: 20,
  issuer: 'ClinicDesk',
} as const;

/** A code as staff type it: exactly six digits (spaces and dashes already removed). */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** The RFC 6238 counter T for a moment: whole periods since the Unix epoch. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP.periodSeconds);
}

/** The steps a code typed at `at` may belong to, newest first: the server's ±`TOTP.window`. */
export function acceptableSteps(at: Date): number[] {
  const now = totpStep(at);
  const steps: number[] = [];
  for (let offset = TOTP.window; offset >= -TOTP.window; offset--) steps.push(now + offset);
  return steps;
}

export type TotpVerdict = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Whether a code counts, given the acceptable steps it matched and the last step this person
 * used. A step is accepted once, and never one at or before the last accepted (RFC 6238 §5.2):
 * a code seen over someone's shoulder, or one from a moment earlier, is no good afterwards.
 */
export function judgeTotp(
  matchedSteps: readonly number[],
  lastUsedStep: number | null,
): TotpVerdict {
  if (matchedSteps.length === 0) return { ok: false, reason: 'wrong' };
  const fresh = matchedSteps.filter((step) => lastUsedStep === null || step > lastUsedStep);
  if (fresh.length === 0) return { ok: false, reason: 'reused' };
  return { ok: true, step: Math.max(...fresh) };
}

/** Strips what people type around a code (spaces, dashes) so "123 456" is read as 123456. */
export function normaliseTotpCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Reads base32 as people copy it (any case, spaces, padding); null when it is not base32 or its
 * leftover bits are not zero (then it was not written by `base32Encode`).
 */
export function base32Decode(text: string): Uint8Array | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits >= 5 || buffer !== 0) return null;
  return Uint8Array.from(out);
}

/** The secret in groups of four for typing into an app by hand ("ABCD EFGH …"). */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * The Key URI authenticator apps scan (Google's Key Uri Format): issuer and account name in the
 * label and the issuer parameter, and the parameters spelled out even where they are defaults.
 */
export function otpauthUri(input: { account: string; secret: string }): string {
  const label = `${encodeURIComponent(TOTP.issuer)}:${encodeURIComponent(input.account)}`;
  const query = new URLSearchParams({
    secret: input.secret,
    issuer: TOTP.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP.digits),
    period: String(TOTP.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
