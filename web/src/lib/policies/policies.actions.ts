import type { Approval } from '@clinicdesk/shared/policies/approval.schema.ts';
import { recordApproval } from '@clinicdesk/shared/policies/record-approval.ts';
import { publishVersion } from '@clinicdesk/shared/policies/publish-version.ts';
import { mergePolicyTexts } from '@clinicdesk/shared/policies/policy-text.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { reviseVersionText } from '@clinicdesk/shared/policies/revise-version-text.ts';
import { sendForReview } from '@clinicdesk/shared/policies/send-for-review.ts';
import { startRevision } from '@clinicdesk/shared/policies/start-revision.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import { today } from '../clock.ts';
import { readDocument } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';
import { contentHashOf } from './lifecycle/content-hash.ts';
import { changeRecord, editorOf, insertRecords, type PolicyWriteError } from './policy-records.ts';

/**
 * What people do to policies, on this device first (it syncs when it can): adopt the starter
 * manual, start a revision, save its text (merged, never overwritten), send it for review, sign,
 * publish, retire. Each write is checked as `policy-records.ts` says.
 */
type Outcome<T = void> = Promise<Result<T, PolicyWriteError>>;

/** The office manager adopts the starter manual: its manuals, policies and first versions. */
export async function adoptStarterManual(workspace: Workspace): Outcome<number> {
  if (workspace.user.role !== 'office-manager')
    return fail({ code: 'not-allowed', message: 'Only the office manager adopts the manual' });
  // Tiptap's schema and markdown-it come only when adopting, not with the library.
  const { starterRecords } = await import('./starter/starter-records.ts');
  const records = await starterRecords(
    (version) => contentHashOf(version, version.text),
    editorOf(workspace),
    new Date(),
    today(),
  );
  for (const [kind, list] of [
    ['manual', records.manuals],
    ['policy', records.policies],
    ['policyVersion', records.versions],
  ] as const) {
    // prettier-ignore
    const stored = await insertRecords(workspace, kind, list);
    if (!stored.ok) return stored;
  }
  return ok(records.policies.length);
}

/** Starts a new draft from the latest issued version; answers its id (or the open one's). */
export async function beginRevision(
  workspace: Workspace,
  policyId: string,
  input: { changeSummary: string; materialChange: boolean },
): Outcome<string> {
  const policy = await readDocument(workspace, 'policy', policyId);
  if (!policy) return fail({ code: 'not-on-device', message: 'This policy is not on this device' }); // prettier-ignore
  const manual = await readDocument(workspace, 'manual', policy.manualId);
  const versions = await versionsOf(workspace, policyId);
  const started = startRevision({ policy, manual: { approvers: manual?.approvers ?? [] }, versions, ...input }, editorOf(workspace), new Date()); // prettier-ignore
  if (!started.ok)
    return started.error.openVersionId ? ok(started.error.openVersionId) : fail(started.error);
  const stored = await insertRecords(workspace, 'policyVersion', [started.value]);
  return stored.ok ? ok(started.value.id) : stored;
}

async function versionsOf(workspace: Workspace, policyId: string): Promise<PolicyVersion[]> {
  const docs = await workspace.db.policies.find({ selector: { kind: 'policyVersion', policyId } }).exec(); // prettier-ignore
  return docs.map((doc) => doc.toJSON() as PolicyVersion);
}

/**
 * Saves the editor's text into the version: merged with what is stored (another tab's or a
 * sync's edits stay), hashed when the version is in review (approvals restart on a changed
 * text, as `reviseVersionText` says), and tried again should another write land meanwhile.
 */
export async function saveVersionText(
  workspace: Workspace,
  versionId: string,
  edited: string,
): Outcome<PolicyVersion> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await readDocument(workspace, 'policyVersion', versionId);
    if (!current) return fail({ code: 'not-on-device', message: 'This version is not on this device' }); // prettier-ignore
    const text = mergePolicyTexts(current.text, edited);
    if (text === current.text) return ok(current);
    const hash = current.status === 'draft' ? undefined : await contentHashOf(current, text);
    const saved = await changeRecord(workspace, 'policyVersion', versionId, (latest) =>
      latest.text !== current.text
        ? fail({ code: 'moved', message: 'Another edit landed first', moved: true })
        : reviseVersionText(latest, text, hash, editorOf(workspace), new Date()),
    );
    if (saved.ok || !saved.error.moved) return saved;
  }
  return fail({ code: 'busy', message: 'The text kept changing: it is saved on the next edit' });
}

/** The change summary and material-change flag, while the version is being written. */
export function saveVersionDetails(
  workspace: Workspace,
  versionId: string,
  details: { changeSummary: string; materialChange: boolean },
): Outcome<PolicyVersion> {
  const summary = details.changeSummary.trim();
  return changeRecord(workspace, 'policyVersion', versionId, (latest) => {
    const { changeSummary: _old, ...rest } = latest;
    return ok({ ...rest, ...(summary ? { changeSummary: summary } : {}), materialChange: details.materialChange, updatedAt: new Date().toISOString(), editedBy: editorOf(workspace) }); // prettier-ignore
  });
}

/** Sends a draft to its approvers, in the order chosen, bound to its text's hash now. */
export async function sendVersionForReview(
  workspace: Workspace,
  versionId: string,
  approvers: readonly string[],
): Outcome<PolicyVersion> {
  const current = await readDocument(workspace, 'policyVersion', versionId);
  if (!current) return fail({ code: 'not-on-device', message: 'This version is not on this device' }); // prettier-ignore
  const hash = await contentHashOf(current, current.text);
  return changeRecord(
    workspace,
    'policyVersion',
    versionId,
    (latest) =>
    latest.text !== current.text
      ? fail({ code: 'moved', message: 'The text changed as it was sent: send it again' })
      : sendForReview({ ...latest, approvers: [...approvers] }, hash, editorOf(workspace), new Date()), // prettier-ignore
  );
}

/**
 * A version in review whose text a merge changed has no hash yet: the first device of someone
 * who may write it hashes what it now holds, so signing can go on (from the first approver).
 */
export async function hashMergedText(
  workspace: Workspace,
  versionId: string,
): Outcome<PolicyVersion> {
  // prettier-ignore
  const current = await readDocument(workspace, 'policyVersion', versionId);
  if (!current || current.status !== 'in-review' || current.contentHash) return fail({ code: 'not-needed', message: 'Nothing to hash' }); // prettier-ignore
  const hash = await contentHashOf(current, current.text);
  return changeRecord(
    workspace,
    'policyVersion',
    versionId,
    (latest) =>
    latest.text === current.text && !latest.contentHash ? ok({ ...latest, contentHash: hash }) : ok(latest), // prettier-ignore
  );
}

/**
 * The approver signs the text this device showed them (`shownText`, hashed here). Should the
 * version have changed since, nothing is signed: the answer is `stale-approval`.
 */
export async function signVersion(
  workspace: Workspace,
  versionId: string,
  shownText: string,
  decision: 'approved' | 'rejected',
  meaning: string,
): Outcome<PolicyVersion> {
  const version = await readDocument(workspace, 'policyVersion', versionId);
  if (!version) return fail({ code: 'not-on-device', message: 'This version is not on this device' }); // prettier-ignore
  const readContentHash = await contentHashOf(version, shownText);
  const docs = await workspace.db.policies.find({ selector: { kind: 'policyApproval', versionId } }).exec(); // prettier-ignore
  const approvals = docs.map((doc) => doc.toJSON() as Approval); // prettier-ignore
  const signed = recordApproval({ version, approvals, approverStaffId: workspace.user.id, decision, readContentHash, meaning }, editorOf(workspace), new Date()); // prettier-ignore
  if (!signed.ok) return fail(signed.error);
  const stored = await insertRecords(workspace, 'policyApproval', [signed.value.approval]);
  if (!stored.ok) return stored;
  if (signed.value.version === version) return ok(version);
  const moved = signed.value.version;
  return changeRecord(
    workspace,
    'policyVersion',
    versionId,
    (latest) =>
    latest.contentHash !== version.contentHash
      ? fail({ code: 'stale-approval', message: 'The text changed since you read it' })
      : ok({ ...latest, status: moved.status, ...(moved.approvedAt ? { approvedAt: moved.approvedAt } : {}), updatedAt: moved.updatedAt, editedBy: moved.editedBy }), // prettier-ignore
  );
}

/** The office manager publishes an approved version, in force from `effectiveOn`. */
export async function publishApprovedVersion(
  workspace: Workspace,
  versionId: string,
  effectiveOn: string,
): Outcome<PolicyVersion> {
  const version = await readDocument(workspace, 'policyVersion', versionId);
  const policy = version && (await readDocument(workspace, 'policy', version.policyId));
  if (!version || !policy) return fail({ code: 'not-on-device', message: 'This version is not on this device' }); // prettier-ignore
  const versions = await versionsOf(workspace, policy.id);
  const docs = await workspace.db.policies.find({ selector: { kind: 'policyApproval', versionId } }).exec(); // prettier-ignore
  const approvals = docs.map((doc) => doc.toJSON() as Approval); // prettier-ignore
  const published = publishVersion({ policy, version, versions, approvals, effectiveOn }, editorOf(workspace), new Date()); // prettier-ignore
  if (!published.ok) return published;
  const { value } = published;
  const saved = await changeRecord(
    workspace,
    'policyVersion',
    versionId,
    (latest) =>
    latest.contentHash === version.contentHash && latest.status === 'approved' ? ok({ ...value.published, text: latest.text }) : fail({ code: 'moved', message: 'The version changed: look again before publishing' }), // prettier-ignore
  );
  if (!saved.ok) return saved;
  for (const old of value.superseded)
    await changeRecord(workspace, 'policyVersion', old.id, (latest) => ok({ ...latest, status: 'superseded', supersededOn: effectiveOn, updatedAt: old.updatedAt, editedBy: old.editedBy })); // prettier-ignore
  await changeRecord(workspace, 'policy', policy.id, (latest) => ok({ ...latest, publishedVersionId: versionId, updatedAt: value.policy.updatedAt, editedBy: value.policy.editedBy })); // prettier-ignore
  return saved;
}

/** The office manager retires a policy: its version in force is retired from today. */
export async function retirePolicy(workspace: Workspace, policyId: string): Outcome {
  const on = today();
  const at = new Date().toISOString();
  const by = editorOf(workspace);
  for (const version of await versionsOf(workspace, policyId)) {
    if (version.status !== 'published' && version.status !== 'superseded') continue;
    const retired = await changeRecord(workspace, 'policyVersion', version.id, (latest) => ok({ ...latest, status: 'retired', ...(latest.retiredOn ? {} : { retiredOn: on }), updatedAt: at, editedBy: by })); // prettier-ignore
    if (!retired.ok) return retired;
  }
  const policy = await changeRecord(workspace, 'policy', policyId, (latest) => ok({ ...latest, retired: true, retiredOn: on, updatedAt: at, editedBy: by })); // prettier-ignore
  return policy.ok ? ok(undefined) : policy;
}
