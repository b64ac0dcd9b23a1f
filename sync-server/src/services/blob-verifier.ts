import { createHash } from 'node:crypto';
import { type BlobType, sniffBlobType } from '@clinicdesk/shared/blobs/blob-ref.ts';

/** Why an upload was refused; the codes are the API's own. */
export type BlobRefusal = {
  code: 'invalid-request' | 'payload-too-large' | 'unsupported-media-type';
  message: string;
};

/** What the verifier needs to see of a file to sniff its type (WebP: "RIFF", size, "WEBP"). */
const SNIFF_BYTES = 12;

/**
 * A pass-through stream that checks an upload while it flows to storage: it counts the bytes
 * (so a chunked body without Content-Length cannot exceed the limit either), hashes them, and
 * sniffs the type from the first bytes. A failed check errors the stream, which makes storage
 * drop what it staged; `refusal()` then says why.
 */
export function createBlobVerifier(expected: { sha256: string; type: BlobType; maxBytes: number }) {
  const hash = createHash('sha256');
  let size = 0;
  let head: Uint8Array = new Uint8Array(0);
  let typeChecked = false;
  let refusal: BlobRefusal | null = null;

  const refuse = (reason: BlobRefusal) => {
    refusal = reason;
    return new Error(reason.message);
  };
  const checkType = () => {
    typeChecked = true;
    const sniffed = sniffBlobType(head);
    if (sniffed === expected.type) return;
    throw refuse({
      code: 'unsupported-media-type',
      message: sniffed
        ? `The file's content is ${sniffed}, but it was sent as ${expected.type}`
        : `The file's content is not a JPEG, PNG, WebP or PDF file (it was sent as ${expected.type})`,
    });
  };

  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > expected.maxBytes)
        throw refuse({
          code: 'payload-too-large',
          message: `A file can be at most ${expected.maxBytes / (1024 * 1024)} MB`,
        });
      if (!typeChecked) {
        // Refuse a wrong type at its first bytes, before anything large is written.
        head = concat(head, chunk.subarray(0, SNIFF_BYTES - head.byteLength));
        if (head.byteLength >= SNIFF_BYTES) checkType();
      }
      hash.update(chunk);
      controller.enqueue(chunk);
    },
    flush() {
      if (size === 0) throw refuse({ code: 'invalid-request', message: 'The file is empty' });
      if (!typeChecked) checkType();
      const digest = hash.digest('hex');
      // The address is the promise every device relies on: bytes that do not hash to it are
      // damaged in transit or sent to the wrong address, and must not be stored under it.
      if (digest !== expected.sha256)
        throw refuse({
          code: 'invalid-request',
          message: `The file's SHA-256 is ${digest}, which does not match the address it was sent to`,
        });
    },
  });

  return { stream, refusal: (): BlobRefusal | null => refusal };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}
