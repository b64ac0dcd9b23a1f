import { mergePolicyTexts, policyTextBytes } from '@clinicdesk/shared/policies/policy-text.ts';
import { plainTextOf, policyTextTree } from '@clinicdesk/shared/policies/policy-text-tree.ts';
import { STARTER_POLICIES } from '@clinicdesk/shared/policies/starter-manual/index.ts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { starterPolicyText } from './starter-policy-text.ts';

function treeOf(text: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, policyTextBytes(text));
  return policyTextTree(doc.getXmlFragment('default'));
}

const body = [
  '## Steps',
  '',
  '1. Ask for **photo ID**.',
  '2. Check the *date of birth*.',
  '',
  '- [ ] Notice posted',
  '- [x] Copies at the desk',
  '',
  '| Disclosure | What to share |',
  '| --- | --- |',
  '| Eligibility | Name, date of birth |',
].join('\n');

describe('a starter policy as a version text', () => {
  it('keeps headings, numbered steps, bold, task lists and tables', () => {
    const tree = treeOf(starterPolicyText(body));
    const types = ('content' in tree ? (tree.content ?? []) : []).map((node) => node.type);
    expect(types).toEqual(['heading', 'orderedList', 'taskList', 'table']);
    expect(JSON.stringify(tree)).toContain('"checked":true');
    expect(JSON.stringify(tree)).toContain(
      '{"type":"text","text":"photo ID","marks":[{"type":"bold"}]}',
    );
    expect(plainTextOf(tree)).toContain('Notice posted');
    expect(plainTextOf(tree)).not.toContain('[ ]');
  });

  it('is the same update on two devices, and merging them does not double the text', () => {
    const [a, b] = [starterPolicyText(body), starterPolicyText(body)];
    expect(a).toBe(b);
    const merged = mergePolicyTexts(a, b);
    expect(plainTextOf(treeOf(merged))).toBe(plainTextOf(treeOf(a)));
  });

  it('reads the same after two adoptions made apart meet (every starter policy)', () => {
    for (const policy of STARTER_POLICIES) {
      const text = starterPolicyText(policy.body);
      const words = plainTextOf(treeOf(text));
      expect(words.length).toBeGreaterThan(20);
      // Each device applied its own adoption to its own editor and then met the other's.
      const doc = new Y.Doc();
      Y.applyUpdate(doc, policyTextBytes(text));
      Y.applyUpdate(doc, policyTextBytes(starterPolicyText(policy.body)));
      expect(plainTextOf(policyTextTree(doc.getXmlFragment('default')))).toBe(words);
    }
  });
});
