import { describe, expect, it } from 'vitest';
import { approvalProgress, nextApprover } from './approval-progress.ts';
import type { Approval } from './approval.schema.ts';
import { approvalSchema } from './approval.schema.ts';
import { at, editorFor, HASH_1, HASH_2, MANAGER, PHYSICIAN, policy, PRIVACY_OFFICER, published, versionOf } from './policy.fixture.ts'; // prettier-ignore
import type { PolicyVersion } from './policy-version.schema.ts';
import { publishVersion } from './publish-version.ts';
import { recordApproval } from './record-approval.ts';
import { reviseVersionText } from './revise-version-text.ts';
import { sendForReview } from './send-for-review.ts';

const manager = editorFor(MANAGER);

function sent(): PolicyVersion {
  const result = sendForReview(versionOf(2), HASH_1, manager, at('2026-03-01'));
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

function sign(
  version: PolicyVersion,
  approvals: Approval[],
  staffId: string,
  readContentHash = version.contentHash ?? '',
  decision: 'approved' | 'rejected' = 'approved',
) {
  // prettier-ignore
  return recordApproval(
    { version, approvals, approverStaffId: staffId, decision, readContentHash },
    editorFor(staffId, 2),
    at('2026-03-02'),
  );
}

function signed(version: PolicyVersion, approvals: Approval[], staffId: string) {
  const result = sign(version, approvals, staffId);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('approvals bound to the content hash', () => {
  it('asks the approvers in order and approves the version with the last signature', () => {
    const version = sent();
    expect(version).toMatchObject({ status: 'in-review', contentHash: HASH_1, reviewRound: 1 });
    expect(nextApprover(version, [])).toBe(PRIVACY_OFFICER);
    const first = signed(version, [], PRIVACY_OFFICER);
    expect(approvalSchema.safeParse(first.approval).success).toBe(true);
    expect(first.approval).toMatchObject({ step: 0, contentHash: HASH_1, meaning: 'I approve this policy for publication' }); // prettier-ignore
    expect(first.version.status).toBe('in-review');
    expect(nextApprover(first.version, [first.approval])).toBe(PHYSICIAN);
    const second = signed(first.version, [first.approval], PHYSICIAN);
    expect(second.version).toMatchObject({ status: 'approved', approvedAt: '2026-03-02T09:00:00.000Z' }); // prettier-ignore
    expect(approvalProgress(second.version, [first.approval, second.approval]).state).toBe('complete'); // prettier-ignore
  });

  it('refuses an approver out of turn, and someone who is not an approver', () => {
    const version = sent();
    expect(sign(version, [], PHYSICIAN)).toMatchObject({ ok: false, error: { code: 'not-your-turn' } }); // prettier-ignore
    expect(sign(version, [], MANAGER)).toMatchObject({ ok: false, error: { code: 'not-an-approver' } }); // prettier-ignore
  });

  it('never signs text the approver did not read: a changed hash is a stale-approval conflict', () => {
    const version = sent();
    const result = sign(version, [], PRIVACY_OFFICER, HASH_2);
    expect(result).toMatchObject({ ok: false, error: { code: 'stale-approval' } });
  });

  it('restarts signing from the first approver when the text is edited during review', () => {
    const version = sent();
    const first = signed(version, [], PRIVACY_OFFICER);
    const edited = reviseVersionText(first.version, 'AQID', HASH_2, editorFor(PRIVACY_OFFICER), at('2026-03-03')); // prettier-ignore
    if (!edited.ok) throw new Error(edited.error.code);
    const progress = approvalProgress(edited.value, [first.approval]);
    expect(progress).toMatchObject({ state: 'waiting', next: { step: 0, staffId: PRIVACY_OFFICER }, signed: [] }); // prettier-ignore
    expect(progress.stale.map((s) => s.approval.id)).toEqual([first.approval.id]);
    expect(edited.value.authors).toContain(PRIVACY_OFFICER);
  });

  it('turns an approval given offline to text edited meanwhile into a conflict, not a signature', () => {
    // The physician's tablet still holds the text the privacy officer approved (HASH_1) and
    // signs it offline; meanwhile the manager edited the text (HASH_2) on another device.
    const version = sent();
    const first = signed(version, [], PRIVACY_OFFICER);
    const offline = signed(first.version, [first.approval], PHYSICIAN);
    const edited = reviseVersionText(first.version, 'AQID', HASH_2, manager, at('2026-03-02'));
    if (!edited.ok) throw new Error(edited.error.code);
    // After sync the version has the edited text and both approvals of the old one.
    const progress = approvalProgress(edited.value, [first.approval, offline.approval]);
    expect(progress.state).toBe('waiting');
    expect(progress.next?.staffId).toBe(PRIVACY_OFFICER);
    expect(progress.stale.map((s) => [s.code, s.approval.approverStaffId])).toEqual([
      ['stale-approval', PRIVACY_OFFICER],
      ['stale-approval', PHYSICIAN],
    ]);
    // And publishing refuses it.
    const publish = publishVersion({ policy, version: edited.value, versions: [], approvals: [first.approval, offline.approval], effectiveOn: '2026-04-01' }, manager, at('2026-03-04')); // prettier-ignore
    expect(publish).toMatchObject({ ok: false, error: { code: 'not-approved' } });
  });

  it('sends a rejected version back to draft; sent again, it is signed afresh', () => {
    const version = sent();
    const rejected = sign(version, [], PRIVACY_OFFICER, HASH_1, 'rejected');
    if (!rejected.ok) throw new Error(rejected.error.code);
    expect(rejected.value.version.status).toBe('draft');
    const again = sendForReview(rejected.value.version, HASH_1, manager, at('2026-03-05'));
    if (!again.ok) throw new Error(again.error.code);
    expect(again.value.reviewRound).toBe(2);
    expect(nextApprover(again.value, [rejected.value.approval])).toBe(PRIVACY_OFFICER);
  });

  it('publishes an approved version and supersedes the one before from its effective date', () => {
    const version = sent();
    const first = signed(version, [], PRIVACY_OFFICER);
    const second = signed(first.version, [first.approval], PHYSICIAN);
    const before = published(1);
    const result = publishVersion(
      { policy, version: second.version, versions: [before, second.version], approvals: [first.approval, second.approval], effectiveOn: '2026-04-01' }, // prettier-ignore
      manager,
      at('2026-03-10'),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.published).toMatchObject({
      status: 'published',
      effectiveOn: '2026-04-01',
    });
    expect(result.value.superseded).toMatchObject([{ id: before.id, status: 'superseded', supersededOn: '2026-04-01' }]); // prettier-ignore
    expect(result.value.policy.publishedVersionId).toBe(second.version.id);
  });

  it('approves at once a draft that names no approvers', () => {
    const result = sendForReview(
      versionOf(2, { approvers: [] }),
      HASH_1,
      manager,
      at('2026-03-01'),
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'approved' } });
  });

  it('does not let a published version be edited: an edit starts a revision', () => {
    const result = reviseVersionText(published(1), 'AQID', HASH_2, manager, at('2026-03-01'));
    expect(result).toMatchObject({ ok: false, error: { code: 'published-version-fixed' } });
  });
});
