import { createHmac } from 'node:crypto';

/**
 * What an authenticator app does with the key ClinicDesk shows, written here on its own from
 * RFC 4648 (base32) and RFC 6238/4226 (TOTP) so that the journeys check the app against the
 * standard rather than against its own code.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function decodeBase32(key: string): Buffer {
  const bits = [...key.replace(/\s/g, '').toUpperCase()]
    .map((char) => {
      const value = ALPHABET.indexOf(char);
      if (value < 0) throw new Error(`Not base32: ${char}`);
      return value.toString(2).padStart(5, '0');
    })
    .join('');
  const bytes: number[] = [];
  for (let at = 0; at + 8 <= bits.length; at += 8) bytes.push(parseInt(bits.slice(at, at + 8), 2));
  return Buffer.from(bytes);
}

/** The 30-second step an authenticator app is in at `ms` (Unix milliseconds). */
export function totpStepAt(ms: number): number {
  return Math.floor(ms / 30_000);
}

/** The six-digit code for `step` of the key shown in the app (grouped or not). */
export function totpCode(key: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', decodeBase32(key)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
