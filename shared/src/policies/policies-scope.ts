import type { Reader, RecordScope, ScopeContext, StoredDocument } from '../registry/partition.ts';

const ISSUED = new Set(['published', 'superseded', 'retired']);

const listed = (value: unknown, userId: string) => Array.isArray(value) && value.includes(userId);

/**
 * The `policies` partition's record scope (ADR 15: "drafts and reviews: their authors,
 * approvers and the office manager"). Everyone reads the manuals, the policies, every issued
 * version (published, superseded, retired: the library and its history) and every approval (a
 * signature's fact is not confidential, and the next approver's device must see the one before).
 * A version still being written, and the periodic reviews, are read by the office manager, the
 * policy's owner, and the version's authors and approvers. `context` holds the policies by id
 * (a context kind: every reader reads them), for the owner.
 */
export function policiesInScope(
  reader: Reader,
  doc: StoredDocument,
  context: ScopeContext,
): boolean {
  if (reader.role === 'office-manager') return true;
  const owner = () => context.get(String(doc.policyId))?.ownerStaffId === reader.userId;
  switch (doc.kind) {
    case 'policyVersion':
      return (
        ISSUED.has(String(doc.status)) ||
        listed(doc.authors, reader.userId) ||
        listed(doc.approvers, reader.userId) ||
        owner()
      );
    case 'policyReview':
      return doc.byStaffId === reader.userId || owner();
    default:
      return true;
  }
}

export const POLICIES_RECORD_SCOPE = {
  context: ['policy'],
  inScope: policiesInScope,
} as const satisfies RecordScope;
