import { canonicalPolicyContent } from '@clinicdesk/shared/policies/canonical-policy-content.ts';
import { POLICY_TEXT_FIELD, policyTextBytes } from '@clinicdesk/shared/policies/policy-text.ts';
import {
  type PolicyTextNode,
  policyTextTree,
} from '@clinicdesk/shared/policies/policy-text-tree.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import * as Y from 'yjs';

/** The document a version's text holds, as a reader sees it. */
export function textTreeOf(text: string): PolicyTextNode {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, policyTextBytes(text));
  const tree = policyTextTree(doc.getXmlFragment(POLICY_TEXT_FIELD));
  doc.destroy();
  return tree;
}

/**
 * The content hash approvals and acknowledgments are bound to: SHA-256 (WebCrypto, on this
 * device) of the canonical content of the text as it reads, lower-case hex.
 */
export async function contentHashOf(
  version: Pick<PolicyVersion, 'policyId' | 'versionNumber'>,
  text: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalPolicyContent(version, textTreeOf(text)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether two texts read the same (one may hold edits the other lacks that changed nothing). */
export function sameReading(a: string, b: string): boolean {
  return a === b || JSON.stringify(textTreeOf(a)) === JSON.stringify(textTreeOf(b));
}
