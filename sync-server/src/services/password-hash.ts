import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff passwords, stored as `$scrypt$n=<N>,r=<r>,p=<p>$<salt>$<key>` (base64url), so the cost
 * can be raised later while old hashes still verify.
 */
const COST = { n: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 64;
export const PASSWORD_SALT_BYTES = 16;

const ENCODED = /^\$scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{86})$/;

/**
 * Verified when the username is unknown, so that "no such user" takes as long as "wrong
 * password" and response times do not reveal which usernames exist. It matches no password.
 */
export const UNKNOWN_USER_PASSWORD_HASH = `$scrypt$n=${COST.n},r=${COST.r},p=${COST.p}$${'A'.repeat(22)}$${'A'.repeat(86)}`;

export async function hashPassword(password: string, salt: Uint8Array): Promise<string> {
  if (salt.length !== PASSWORD_SALT_BYTES) throw new Error('A password salt is 16 bytes');
  const key = await deriveKey(password, salt, COST);
  return `$scrypt$n=${COST.n},r=${COST.r},p=${COST.p}$${toBase64Url(salt)}$${toBase64Url(key)}`;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = ENCODED.exec(encoded);
  if (!match) return false;
  const [, n, r, p, salt, key] = match;
  const cost = { n: Number(n), r: Number(r), p: Number(p) };
  // Bounds keep a tampered row from turning a login into a memory or CPU bomb.
  if (!isPowerOfTwo(cost.n) || cost.n > 2 ** 20 || cost.r > 32 || cost.p > 16) return false;
  const expected = Buffer.from(key ?? '', 'base64url');
  const actual = await deriveKey(password, Buffer.from(salt ?? '', 'base64url'), cost);
  return timingSafeEqual(actual, expected);
}

function deriveKey(
  password: string,
  salt: Uint8Array,
  cost: { n: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15, r=8.
  const options: ScryptOptions = { N: cost.n, r: cost.r, p: cost.p, maxmem: 256 * cost.n * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function isPowerOfTwo(value: number): boolean {
  return Number.isSafeInteger(value) && value > 1 && (value & (value - 1)) === 0;
}

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
