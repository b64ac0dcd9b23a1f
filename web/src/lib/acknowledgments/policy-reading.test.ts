import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalPolicyContent } from '@clinicdesk/shared/policies/canonical-policy-content.ts';
import { h, p, policyTextFrom } from '../policies/print/policy-text.fixture.ts';
import { readPolicyText } from './policy-reading.ts';

const version = { policyId: 'policy-1', versionNumber: 2 };

describe('reading a version to acknowledge it', () => {
  it('shows the text as written and hashes it as the server and approvals do (SHA-256 of the canonical content)', async () => {
    const text = policyTextFrom(h(1, 'Identifying a patient'), p('Ask for two identifiers.'));
    const read = await readPolicyText({ ...version, text });
    expect(read.tree).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Identifying a patient' }] }, // prettier-ignore
        { type: 'paragraph', content: [{ type: 'text', text: 'Ask for two identifiers.' }] },
      ],
    });
    const expected = createHash('sha256').update(canonicalPolicyContent(version, read.tree)).digest('hex'); // prettier-ignore
    expect(read.contentHash).toBe(expected);
  });

  it('gives another hash for one word changed, so an acknowledgment never covers text not read', async () => {
    const a = await readPolicyText({ ...version, text: policyTextFrom(p('Ask for two identifiers.')) }); // prettier-ignore
    const b = await readPolicyText({ ...version, text: policyTextFrom(p('Ask for one identifier.')) }); // prettier-ignore
    expect(a.contentHash).not.toBe(b.contentHash);
  });
});
