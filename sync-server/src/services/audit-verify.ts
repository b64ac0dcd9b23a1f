import { createAuditChainVerifier, type AuditChainBreak } from '../storage/audit-chain.ts';
import type { Store } from '../storage/store.ts';

const PAGE = 1000;

export type AuditVerification =
  { ok: true; count: number; headHash: string } | { ok: false; broken: AuditChainBreak };

/**
 * Reads the whole audit chain in order and checks every link and hash, and that it ends at the
 * stored head. Stops at the first entry that does not verify and names it.
 */
export async function verifyAuditTrail(store: Store): Promise<AuditVerification> {
  // The head first: entries appended while we read come after it and are not judged.
  const head = await store.auditChainHead();
  const verifier = createAuditChainVerifier();
  let after = 0;
  for (;;) {
    const entries = await store.readAuditChain(after, PAGE);
    const upToHead = entries.filter((entry) => entry.position <= head.position);
    const broken = verifier.next(upToHead);
    if (broken) return { ok: false, broken };
    if (upToHead.length < PAGE || entries.length > upToHead.length) break;
    after = upToHead.at(-1)!.position;
  }
  const result = verifier.finish(head);
  return result.ok ? { ok: true, count: result.count, headHash: head.hash } : result;
}

/** The lines `pnpm run audit:verify` prints. */
export function describeVerification(result: AuditVerification): string {
  if (result.ok)
    return `Audit trail intact: ${result.count} entries verified.\nLast entry's hash: ${result.headHash} (note it down to check later that the trail was not rewritten as a whole)`;
  const { broken } = result;
  const id = broken.eventId ? ` (event ${broken.eventId})` : '';
  return `AUDIT TRAIL BROKEN at entry ${broken.position}${id}: ${broken.message}.`;
}
