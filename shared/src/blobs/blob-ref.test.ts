import { describe, expect, it } from 'vitest';
import { sniffBlobType } from './blob-ref.ts';
import { blobRefSchema } from './blob-ref.schema.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('sniffBlobType', () => {
  it('recognises the supported types by their first bytes', () => {
    expect(sniffBlobType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffBlobType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffBlobType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffBlobType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
  });

  it('refuses anything else, including HTML dressed as an image', () => {
    expect(sniffBlobType(new TextEncoder().encode('<html><script>'))).toBeNull();
    expect(sniffBlobType(bytes(0x4d, 0x5a))).toBeNull();
    expect(sniffBlobType(bytes())).toBeNull();
  });
});

describe('blobRefSchema', () => {
  it('accepts a reference and refuses a malformed digest', () => {
    const ref = { sha256: 'a'.repeat(64), type: 'image/jpeg', size: 1024 };
    expect(blobRefSchema.parse(ref)).toEqual(ref);
    expect(blobRefSchema.safeParse({ ...ref, sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(blobRefSchema.safeParse({ ...ref, size: 16 * 1024 * 1024 }).success).toBe(false);
  });
});
