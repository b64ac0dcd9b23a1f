import { createHash } from 'node:crypto';
import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

/**
 * Comparing a device with the server without sending either's documents across: each document
 * is hashed as canonical JSON (tombstones included), and a collection is the hash of its sorted
 * `[id, hash]` pairs. Two equal digests mean the same documents, byte for byte.
 */
export function documentHashes(docs: Iterable<WireDocument>): [string, string][] {
  return [...docs]
    .map((doc): [string, string] => [doc.id, sha1(canonicalJson(doc))])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function digestOf(hashes: readonly [string, string][]): string {
  return sha1(hashes.map(([id, hash]) => `${id} ${hash}`).join('\n'));
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
