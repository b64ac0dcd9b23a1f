import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from './uuid-v7.ts';

const zeros = new Uint8Array(10);
const ones = new Uint8Array(10).fill(0xff);

describe('uuidv7', () => {
  it('is a well-formed version-7 UUID', () => {
    const id = uuidv7(Date.UTC(2026, 10, 26), ones);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time whatever the randomness', () => {
    const earlier = uuidv7(1_700_000_000_000, ones);
    const later = uuidv7(1_700_000_000_001, zeros);
    expect(earlier < later).toBe(true);
  });

  it('encodes the millisecond timestamp in the first 48 bits', () => {
    const ms = 1_764_115_200_123;
    const id = uuidv7(ms, zeros);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
