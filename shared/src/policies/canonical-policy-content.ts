import { canonicalJson } from '../sync/canonical-json.ts';
import type { PolicyTextNode } from './policy-text-tree.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

/**
 * Exactly what an approval and an acknowledgment are bound to: the UTF-8 bytes of this string
 * are hashed with SHA-256 (WebCrypto on the device, node:crypto on the server; `shared/` has no
 * hash function) and the hex digest is the version's `contentHash`.
 *
 * The string is the canonical JSON (keys sorted, no whitespace) of
 * `{ "format": 1, "policyId", "versionNumber", "text" }`, where `text` is the version's text as
 * a reader sees it (`policyTextTree`: nodes, attributes, text runs and their marks), not the Yjs
 * update, whose bytes also hold edit history and change with every merge even when the words do
 * not. So two devices holding the same words compute the same hash, and any change a reader
 * could see (a word, a heading, bold, a link) changes it. The effective date, change summary and
 * quiz are not content: setting the effective date at publication does not void approvals.
 */
export function canonicalPolicyContent(
  version: Pick<PolicyVersion, 'policyId' | 'versionNumber'>,
  text: PolicyTextNode,
): string {
  return canonicalJson({
    format: 1,
    policyId: version.policyId,
    versionNumber: version.versionNumber,
    text,
  });
}
