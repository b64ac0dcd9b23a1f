import type { BlobRef, BlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';

/** A stored file: its reference (address, type, size) and, for reading, its bytes. */
export type StoredBlob = BlobRef & { body: ReadableStream<Uint8Array> };

/**
 * Content-addressed file storage: a blob's address is the SHA-256 of its bytes, so a stored blob
 * never changes and storing it twice is the same as storing it once. Files live in PostgreSQL
 * when the server uses it (postgres-blob-storage.ts, so that several instances share them) and
 * in a folder otherwise (fs-blob-storage.ts); blob-storage.contract.ts holds both to the same
 * promises (ADR 17). Every method refuses an address that is not a SHA-256 digest.
 */
export interface BlobStorage {
  /** The blob's reference when it is stored completely; null otherwise. */
  has(sha256: string): Promise<BlobRef | null>;

  /** The blob with its bytes as a stream, or null when it is not stored. */
  get(sha256: string): Promise<StoredBlob | null>;

  /**
   * Stores what `body` yields under `sha256`, atomically: a reader sees the whole blob or none
   * of it. When `body` errors (the caller's verifier refused the bytes, or the upload broke
   * off), nothing is stored and the error is rethrown. Storage trusts the caller that `sha256`
   * and `type` fit the bytes; verifying them is the blob service's job. A blob that is already
   * stored is left as it is (`existed`), and `body` is cancelled unread.
   */
  put(
    sha256: string,
    type: BlobType,
    body: ReadableStream<Uint8Array>,
  ): Promise<{ outcome: 'created' | 'existed'; ref: BlobRef }>;

  /**
   * Removes a blob (the collection of files no record refers to). The bytes go first, so a
   * crash half-way leaves no reference to bytes that are gone; removing one that is not there
   * is no error. True when something was removed.
   */
  remove(sha256: string): Promise<boolean>;

  /** Releases what the storage holds open (PostgreSQL's connections); idempotent. */
  close(): Promise<void>;
}
