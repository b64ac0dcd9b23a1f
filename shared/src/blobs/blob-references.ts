import { SHA256_PATTERN } from './blob-ref.ts';

/**
 * The blobs a record refers to: every blob reference (`{ sha256, type, size }`) anywhere in it,
 * a patient's photo and insurance-card scans today, a filed document's versions tomorrow. The
 * server records them with each stored version, so that a file is read only by those who may
 * read a record that refers to it, and one no record refers to can be collected.
 */
export function blobReferences(record: unknown): string[] {
  const found = new Set<string>();
  visit(record, found, 0);
  return [...found].sort();
}

/** Records are shallow; a bound on depth keeps a hostile document from exhausting the stack. */
const MAX_DEPTH = 32;

function visit(value: unknown, found: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, found, depth + 1);
    return;
  }
  const fields = value as Record<string, unknown>;
  const { sha256 } = fields;
  if (typeof sha256 === 'string' && SHA256_PATTERN.test(sha256) && typeof fields.type === 'string')
    found.add(sha256);
  for (const field of Object.values(fields)) visit(field, found, depth + 1);
}
