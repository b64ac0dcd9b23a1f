import type { Reader, RecordScope, StoredDocument } from '../registry/partition.ts';

/**
 * The `acknowledgments` partition's record scope (ADR 15: "a person's own; the office manager
 * all"). Everyone reads the campaigns (each device works out its people's "to read and
 * acknowledge" from them). An acknowledgment is read by the office manager, by the person who
 * gave it, and by the session it was recorded under: the reception tablet on which colleagues
 * acknowledge one after another keeps (and can push) what was given on it.
 */
export function acknowledgmentsInScope(reader: Reader, doc: StoredDocument): boolean {
  if (reader.role === 'office-manager' || doc.kind !== 'acknowledgment') return true;
  const recordedBy = doc.recordedBy as { userId?: unknown } | undefined;
  return doc.staffId === reader.userId || recordedBy?.userId === reader.userId;
}

export const ACKNOWLEDGMENTS_RECORD_SCOPE = {
  context: [],
  inScope: acknowledgmentsInScope,
} as const satisfies RecordScope;
