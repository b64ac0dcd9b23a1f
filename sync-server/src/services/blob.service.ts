import { BLOB_MAX_BYTES, type BlobRef, type BlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { BlobStorage, StoredBlob } from '../storage/blobs/blob-storage.ts';
import { type BlobRefusal, createBlobVerifier } from './blob-verifier.ts';

export type BlobUpload = {
  sha256: string;
  /** The type the device declared (Content-Type); the bytes must say the same. */
  type: BlobType;
  body: ReadableStream<Uint8Array> | null;
};

export type BlobService = {
  has(sha256: string): Promise<BlobRef | null>;
  get(sha256: string): Promise<StoredBlob | null>;
  /** Stores a verified upload; `created` is false when the blob was already stored. */
  put(upload: BlobUpload): Promise<Result<{ created: boolean; ref: BlobRef }, BlobRefusal>>;
};

/**
 * Files sent by devices: an upload is stored only when its bytes hash to its address, fit the
 * size limit and are of the type they were declared as.
 */
export function createBlobService({ storage }: { storage: BlobStorage }): BlobService {
  return {
    has: (sha256) => storage.has(sha256),
    get: (sha256) => storage.get(sha256),
    async put({ sha256, type, body }) {
      const verifier = createBlobVerifier({ sha256, type, maxBytes: BLOB_MAX_BYTES });
      try {
        const stored = await storage.put(
          sha256,
          type,
          (body ?? emptyBody()).pipeThrough(verifier.stream),
        );
        // Same address, same bytes, same type: a different declared type is a device's mistake,
        // refused as it would have been on the first upload.
        if (stored.ref.type !== type)
          return fail({
            code: 'unsupported-media-type',
            message: `The file's content is ${stored.ref.type}, but it was sent as ${type}`,
          });
        return ok({ created: stored.outcome === 'created', ref: stored.ref });
      } catch (error) {
        const refusal = verifier.refusal();
        if (refusal) return fail(refusal);
        throw error;
      }
    },
  };
}

function emptyBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}
