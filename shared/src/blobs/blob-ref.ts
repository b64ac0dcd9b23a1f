/**
 * Files (photos, card scans, PDFs) never travel inside replicated documents: a document holds
 * this reference, and the bytes are stored and moved by their SHA-256 (`PUT /api/blobs/:sha256`).
 */
export const BLOB_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type BlobType = (typeof BLOB_TYPES)[number];

/** 15 MiB: a multi-page scan at office resolution fits; a phone video does not. */
export const BLOB_MAX_BYTES = 15 * 1024 * 1024;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The reference a document holds (its schema is in blob-ref.schema.ts, away from the app's first screen). */
export type { BlobRef } from './blob-ref.schema.ts';

/**
 * The type a file's first bytes say it is, whatever name or type it was sent with; null when
 * it is none of the supported types.
 */
export function sniffBlobType(head: Uint8Array): BlobType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp'; // prettier-ignore
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}
