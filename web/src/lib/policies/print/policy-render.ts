import type { PolicyTextNode } from '@clinicdesk/shared/policies/policy-text-tree.ts';
import { blocksAsPlainText, policyBlocks, type PolicyBlock } from './policy-blocks.ts';
import { policyHtml } from './policy-html.ts';

/**
 * A stored policy text (a version's `text`: a base64 Yjs update) read without an editor: as
 * the tree a reader sees, as HTML, as plain text and as the blocks a printed page lays out.
 * Yjs is imported when a text is first read, so nothing of it is on the app's first screen;
 * import this module dynamically too.
 */
export type RenderedPolicy = {
  tree: PolicyTextNode;
  html: string;
  plainText: string;
  blocks: PolicyBlock[];
};

export async function readPolicyTree(text: string): Promise<PolicyTextNode> {
  const [Y, { policyTextTree }, { policyTextBytes, POLICY_TEXT_FIELD }] = await Promise.all([
    import('yjs'),
    import('@clinicdesk/shared/policies/policy-text-tree.ts'),
    import('@clinicdesk/shared/policies/policy-text.ts'),
  ]);
  // A Y.Doc only to read: it is never edited, so its random client id is never written anywhere.
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, policyTextBytes(text));
    return policyTextTree(doc.getXmlFragment(POLICY_TEXT_FIELD));
  } finally {
    doc.destroy();
  }
}

export function renderTree(tree: PolicyTextNode): RenderedPolicy {
  const blocks = policyBlocks(tree);
  return { tree, html: policyHtml(tree), plainText: blocksAsPlainText(blocks), blocks };
}

export async function renderPolicyText(text: string): Promise<RenderedPolicy> {
  return renderTree(await readPolicyTree(text));
}

export { blocksAsPlainText, policyBlocks, policyHtml, type PolicyBlock };
