import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergePolicyVersions } from './merge-policy-versions.ts';
import { editorFor, HASH_1, HASH_2, HASH_3, MANAGER, PRIVACY_OFFICER, versionOf } from './policy.fixture.ts'; // prettier-ignore
import { POLICY_TEXT_FIELD, policyTextBytes, policyTextOf } from './policy-text.ts';
import { plainTextOf, policyTextTree } from './policy-text-tree.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

function doc(clientID: number, text?: string): Y.Doc {
  const d = new Y.Doc();
  d.clientID = clientID;
  if (text) Y.applyUpdate(d, policyTextBytes(text));
  return d;
}

const BASE_TEXT = (() => {
  const d = doc(1);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  d.getXmlFragment(POLICY_TEXT_FIELD).insert(0, [paragraph]);
  text.insert(0, 'Give the notice at the first visit.');
  return policyTextOf(Y.encodeStateAsUpdate(d));
})();

/** Edits the first paragraph on a device of its own. */
function typed(clientID: number, edit: (text: Y.XmlText) => void, from = BASE_TEXT): string {
  const d = doc(clientID, from);
  edit((d.getXmlFragment(POLICY_TEXT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText);
  return policyTextOf(Y.encodeStateAsUpdate(d));
}

const words = (text: string) => plainTextOf(policyTextTree(doc(99, text).getXmlFragment(POLICY_TEXT_FIELD))); // prettier-ignore

const base = versionOf(2, { text: BASE_TEXT, authors: [MANAGER] });
const edit = (fields: Partial<PolicyVersion>, userId: string, minute: number): PolicyVersion => ({
  ...base,
  ...fields,
  updatedAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
  editedBy: editorFor(userId, minute),
});

describe('mergePolicyVersions: two people editing one draft apart', () => {
  it('keeps both authors’ sentences in the same paragraph, once each, and raises no conflict', () => {
    const mine = edit({ text: typed(2, (t) => t.insert(t.length, ' Offer a paper copy.')), authors: [MANAGER] }, MANAGER, 5); // prettier-ignore
    const theirs = edit({ text: typed(3, (t) => t.insert(0, 'At check-in: ')), authors: [MANAGER, PRIVACY_OFFICER] }, PRIVACY_OFFICER, 7); // prettier-ignore
    const merged = mergePolicyVersions(base, mine, theirs);
    expect(words(merged.text)).toBe('At check-in: Give the notice at the first visit. Offer a paper copy.'); // prettier-ignore
    expect(merged.conflicts).toBeUndefined();
    expect(merged.authors).toEqual([MANAGER, PRIVACY_OFFICER]);
    // Either way round, the same words; merging again changes nothing.
    expect(words(mergePolicyVersions(base, theirs, mine).text)).toBe(words(merged.text));
    expect(mergePolicyVersions(mine, merged, mine).text).toBe(merged.text);
  });

  it('keeps a deletion on one side and an insertion inside it on the other', () => {
    const mine = edit({ text: typed(2, (t) => t.delete(15, 20)) }, MANAGER, 5); // "at the first visit."
    const theirs = edit({ text: typed(3, (t) => t.insert(22, ' very')) }, PRIVACY_OFFICER, 6);
    expect(words(mergePolicyVersions(base, mine, theirs).text)).toBe('Give the notice very');
  });

  it('drops the content hash when the merged text is one neither side hashed', () => {
    const mine = edit({ status: 'in-review', contentHash: HASH_2, text: typed(2, (t) => t.insert(0, 'A ')) }, MANAGER, 5); // prettier-ignore
    const theirs = edit({ status: 'in-review', contentHash: HASH_3, text: typed(3, (t) => t.insert(0, 'B ')) }, PRIVACY_OFFICER, 6); // prettier-ignore
    const merged = mergePolicyVersions({ ...base, status: 'in-review', contentHash: HASH_1 }, mine, theirs); // prettier-ignore
    expect(merged.contentHash).toBeUndefined();
    expect(merged.conflicts).toBeUndefined();
  });

  it('keeps the hash of the side whose text already holds the other’s', () => {
    const mine = edit({ status: 'in-review', contentHash: HASH_2, text: typed(2, (t) => t.insert(0, 'A ')) }, MANAGER, 5); // prettier-ignore
    const theirs = edit({ status: 'in-review', contentHash: HASH_1 }, PRIVACY_OFFICER, 6);
    const merged = mergePolicyVersions({ ...base, status: 'in-review', contentHash: HASH_1 }, theirs, mine); // prettier-ignore
    expect(merged.contentHash).toBe(HASH_2);
    expect(merged.text).toBe(mine.text);
  });

  it('makes one version of a revision two devices started apart, created when the first did', () => {
    const a = { ...base, createdAt: '2026-03-01T09:00:00.000Z' };
    const b = { ...base, createdAt: '2026-03-01T08:00:00.000Z' };
    expect(mergePolicyVersions(undefined, a, b).createdAt).toBe('2026-03-01T08:00:00.000Z');
  });

  it('records a conflict where both changed the same field differently', () => {
    const mine = edit({ changeSummary: 'Adds telehealth' }, MANAGER, 5);
    const theirs = edit({ changeSummary: 'Adds a paper copy' }, PRIVACY_OFFICER, 6);
    const merged = mergePolicyVersions(base, mine, theirs);
    expect(Object.values(merged.conflicts ?? {}).map((c) => c.path)).toEqual(['changeSummary']);
  });
});
