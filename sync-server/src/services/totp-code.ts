import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  acceptableSteps,
  base32Decode,
  judgeTotp,
  TOTP,
  type TotpVerdict,
} from '@clinicdesk/shared/auth/totp.ts';

/**
 * HOTP (RFC 4226 §5): HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation, the last
 * `digits` decimal digits. TOTP is this with the time step as the counter (RFC 6238 §4).
 */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP.digits): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * Checks a typed six-digit code against a base32 secret at server time `at`: every acceptable
 * step is computed and compared in constant time (no early exit that timing could reveal), then
 * `judgeTotp` decides against the last step this person used.
 */
export function verifyTotp(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): TotpVerdict {
  const key = base32Decode(secret);
  if (key === null) throw new TypeError('A stored TOTP secret is not base32');
  const typed = Buffer.from(code.padEnd(TOTP.digits, ' ').slice(0, TOTP.digits));
  const matched: number[] = [];
  for (const step of acceptableSteps(at)) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, typed) && code.length === TOTP.digits) matched.push(step);
  }
  return judgeTotp(matched, lastUsedStep);
}
