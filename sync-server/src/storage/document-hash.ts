import { createHash } from 'node:crypto';
import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';

/**
 * The stored form of a document and its hash. Two states are the same document state exactly
 * when their hashes are equal, which is how a push's assumed state is compared with the store.
 */
export function canonicalDocument(doc: unknown): { data: string; hash: string } {
  const data = canonicalJson(doc);
  return { data, hash: sha256Hex(data) };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
