import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';

/**
 * A version's text as the reader sees it, and the SHA-256 of its canonical content (what an
 * acknowledgment is bound to). Yjs is loaded only here, when a policy is opened, so it stays
 * off the first screen.
 */
export async function readPolicyText(
  version: Pick<PolicyVersion, 'policyId' | 'versionNumber' | 'text'>,
): Promise<{ tree: PolicyTextNode; contentHash: string }> {
  const [Y, text, treeModule, canonical] = await Promise.all([
    import('yjs'),
    import('@clinicdesk/shared/policies/policy-text.ts'),
    import('@clinicdesk/shared/policies/policy-text-tree.ts'),
    import('@clinicdesk/shared/policies/canonical-policy-content.ts'),
  ]);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, text.policyTextBytes(version.text));
    const tree = treeModule.policyTextTree(doc.getXmlFragment(text.POLICY_TEXT_FIELD));
    const bytes = new TextEncoder().encode(canonical.canonicalPolicyContent(version, tree));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const contentHash = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return { tree, contentHash };
  } finally {
    doc.destroy();
  }
}
