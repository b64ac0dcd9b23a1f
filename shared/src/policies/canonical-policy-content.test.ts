import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalPolicyContent } from './canonical-policy-content.ts';
import { POLICY_TEXT_FIELD } from './policy-text.ts';
import { policyTextTree } from './policy-text-tree.ts';

function write(clientID: number, build: (fragment: Y.XmlFragment) => void): Y.XmlFragment {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  build(doc.getXmlFragment(POLICY_TEXT_FIELD));
  return doc.getXmlFragment(POLICY_TEXT_FIELD);
}

function heading(fragment: Y.XmlFragment, words: string, bold = false): Y.XmlText {
  const node = new Y.XmlElement('heading');
  node.setAttribute('level', 2 as unknown as string);
  const text = new Y.XmlText();
  node.insert(0, [text]);
  fragment.insert(fragment.length, [node]);
  text.insert(0, words, bold ? { bold: {} } : {});
  return text;
}

const version = { policyId: 'policy-1', versionNumber: 2 };

describe('canonicalPolicyContent', () => {
  it('reads the text as Tiptap’s document: nodes, attributes, runs and marks', () => {
    const fragment = write(1, (f) => heading(f, 'Scope', true));
    expect(policyTextTree(fragment)).toEqual({
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Scope', marks: [{ type: 'bold' }] }] }], // prettier-ignore
    });
  });

  it('is the same for the same words written with another history', () => {
    const once = write(1, (f) => heading(f, 'Scope'));
    const retyped = write(2, (f) => {
      const text = heading(f, 'Scxpe');
      text.delete(2, 1);
      text.insert(2, 'o');
    });
    expect(canonicalPolicyContent(version, policyTextTree(retyped))).toBe(
      canonicalPolicyContent(version, policyTextTree(once)),
    );
    expect(canonicalPolicyContent(version, policyTextTree(once))).toBe(
      '{"format":1,"policyId":"policy-1","text":{"content":[{"attrs":{"level":2},"content":[{"text":"Scope","type":"text"}],"type":"heading"}],"type":"doc"},"versionNumber":2}',
    );
  });

  it('changes with any change a reader could see: a word, a mark, the version', () => {
    const plain = canonicalPolicyContent(
      version,
      policyTextTree(write(1, (f) => heading(f, 'Scope'))),
    );
    const bold = canonicalPolicyContent(
      version,
      policyTextTree(write(1, (f) => heading(f, 'Scope', true))),
    );
    const word = canonicalPolicyContent(
      version,
      policyTextTree(write(1, (f) => heading(f, 'Scopes'))),
    );
    const next = canonicalPolicyContent({ ...version, versionNumber: 3 }, policyTextTree(write(1, (f) => heading(f, 'Scope')))); // prettier-ignore
    expect(new Set([plain, bold, word, next]).size).toBe(4);
  });
});
