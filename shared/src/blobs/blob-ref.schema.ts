import { z } from 'zod';
import { BLOB_MAX_BYTES, BLOB_TYPES, SHA256_PATTERN } from './blob-ref.ts';

/** A file a document points at: its SHA-256, the type its bytes say, its size (see blob-ref.ts). */
export const blobRefSchema = z.strictObject({
  sha256: z.string().regex(SHA256_PATTERN, 'Not a SHA-256 hex digest'),
  type: z.enum(BLOB_TYPES, 'Not a supported file type'),
  size: z.number().int().min(1).max(BLOB_MAX_BYTES, 'The file is larger than 15 MB'),
});
export type BlobRef = z.infer<typeof blobRefSchema>;
