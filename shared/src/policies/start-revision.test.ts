import { describe, expect, it } from 'vitest';
import { at, editorFor, MANAGER, manual, PHYSICIAN, policy, published, versionOf } from './policy.fixture.ts'; // prettier-ignore
import { policyVersionSchema } from './policy-version.schema.ts';
import { startRevision } from './start-revision.ts';

const manager = editorFor(MANAGER);
const revise = (versions = [published(1, { text: 'AAAA' })], fields = {}) =>
  startRevision({ policy: { ...policy, ...fields }, manual, versions, changeSummary: 'Adds the telehealth section', materialChange: true }, manager, at('2026-05-01')); // prettier-ignore

describe('startRevision', () => {
  it('starts the next draft from the published text, with its change summary and material flag', () => {
    const result = revise();
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      id: `${policy.id}-v2`,
      versionNumber: 2,
      status: 'draft',
      text: 'AAAA',
      changeSummary: 'Adds the telehealth section',
      materialChange: true,
      approvers: manual.approvers,
      authors: [MANAGER],
    });
  });

  it('is a valid version record', () => {
    const result = startRevision({ policy, manual, versions: [published(1)], changeSummary: 'Typo', materialChange: false }, manager, at('2026-05-01')); // prettier-ignore
    if (!result.ok) throw new Error(result.error.code);
    expect(policyVersionSchema.safeParse(result.value).error).toBeUndefined();
    expect(result.value.materialChange).toBe(false);
  });

  it('takes the policy’s own approvers over the manual’s', () => {
    const result = revise(undefined, { approvers: [PHYSICIAN] });
    expect(result).toMatchObject({ ok: true, value: { approvers: [PHYSICIAN] } });
  });

  it('makes the first version of a new policy a material change, from an empty text', () => {
    const result = startRevision({ policy, manual, versions: [], changeSummary: 'New policy', materialChange: false }, manager, at('2026-05-01')); // prettier-ignore
    expect(result).toMatchObject({ ok: true, value: { versionNumber: 1, materialChange: true, text: 'AAA=' } }); // prettier-ignore
  });

  it('opens the version still being written instead of starting a second', () => {
    const result = revise([published(1), versionOf(2, { status: 'in-review' })]);
    expect(result).toMatchObject({ ok: false, error: { code: 'revision-open', openVersionId: `${policy.id}-v2` } }); // prettier-ignore
  });

  it('does not revise a retired policy', () => {
    expect(revise(undefined, { retired: true })).toMatchObject({ ok: false, error: { code: 'policy-retired' } }); // prettier-ignore
  });
});
