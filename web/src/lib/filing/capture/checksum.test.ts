import { describe, expect, it } from 'vitest';
import { sha256Hex } from './checksum.ts';

describe('the checksum a capture is known by', () => {
  it('is the SHA-256 in lowercase hex, the same for bytes and for a Blob of them', async () => {
    const bytes = new TextEncoder().encode('abc');
    const known = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex(bytes)).toBe(known);
    expect(await sha256Hex(new Blob([bytes]))).toBe(known);
  });

  it('changes with a single byte', async () => {
    const a = await sha256Hex(new Uint8Array([1, 2, 3]));
    const b = await sha256Hex(new Uint8Array([1, 2, 4]));
    expect(a).not.toBe(b);
  });
});
