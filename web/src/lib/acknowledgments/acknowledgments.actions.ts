import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from '@clinicdesk/shared/acknowledgments/acknowledgment.schema.ts';
import { campaignOnPublication } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import { recordAcknowledgment } from '@clinicdesk/shared/acknowledgments/record-acknowledgment.ts';
import { canWriteKind } from '@clinicdesk/shared/auth/permissions.ts';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { addDays } from '@clinicdesk/shared/dates/calendar-days.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { KIND_SCHEMAS } from '@clinicdesk/shared/registry/kind-schemas.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import {
  incompleteAcknowledgmentsCsv,
  type AcknowledgmentReport,
} from '@clinicdesk/shared/acknowledgments/acknowledgment-report.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import { recordAccess } from '../audit/audit.actions.ts';
import { nowIso, today } from '../clock.ts';
import { downloadText } from './download.ts';
import { firstValueFrom } from 'rxjs';
import { observeFind } from '../db/documents.svelte.ts';
import { newId } from '../session/device.ts';
import { syncStatus } from '../sync/sync-status.svelte.ts';
import type { Workspace } from '../workspace.ts';
import { readPolicyText } from './policy-reading.ts';

export type AcknowledgmentActionError = {
  code: string;
  message: string;
  field?: string | undefined;
};

function sessionEditor(workspace: Workspace): Editor {
  return {
    userId: workspace.user.id,
    name: workspace.user.displayName,
    deviceId: workspace.deviceId,
  };
}

function checked<K extends 'acknowledgmentCampaign' | 'acknowledgment'>(
  kind: K,
  record: unknown,
): Result<true, AcknowledgmentActionError> {
  const parsed = KIND_SCHEMAS[kind].safeParse(record);
  if (parsed.success) return ok(true);
  const issue = parsed.error.issues[0];
  return fail({ code: 'invalid', message: issue?.message ?? 'Not saved', field: typeof issue?.path[0] === 'string' ? issue.path[0] : undefined }); // prettier-ignore
}

/**
 * The office manager assigns a published version to roles and people, each to acknowledge
 * within `dueInDays`. Stored on this device first; it syncs when it can.
 */
export async function startCampaign(
  workspace: Workspace,
  input: { version: PolicyVersion; roles: readonly Role[]; staffIds: readonly string[]; dueInDays: number }, // prettier-ignore
): Promise<Result<AcknowledgmentCampaign, AcknowledgmentActionError>> {
  if (!canWriteKind(workspace.user.role, 'acknowledgmentCampaign'))
    return fail({ code: 'not-allowed', message: 'Only the office manager assigns policies to acknowledge' }); // prettier-ignore
  if (input.version.status !== 'published')
    return fail({ code: 'not-published', message: 'Only a published version can be assigned' });
  if (input.roles.length === 0 && input.staffIds.length === 0)
    return fail({ code: 'no-audience', message: 'Choose at least one role or person', field: 'audienceRoles' }); // prettier-ignore
  const at = nowIso();
  const startedOn = today();
  const campaign: AcknowledgmentCampaign = {
    id: newId(),
    kind: 'acknowledgmentCampaign',
    policyId: input.version.policyId,
    versionId: input.version.id,
    audienceRoles: [...input.roles],
    audienceStaffIds: [...input.staffIds],
    startedOn,
    dueInDays: input.dueInDays,
    dueOn: addDays(startedOn, input.dueInDays),
    reason: 'initial',
    createdAt: at,
    updatedAt: at,
    editedBy: sessionEditor(workspace),
  };
  const valid = checked('acknowledgmentCampaign', campaign);
  if (!valid.ok) return valid;
  await workspace.db.acknowledgments.insert(campaign);
  return ok(campaign);
}

/**
 * For whoever publishes a version (the policy library): a material change assigns the new
 * version again to the audience of the policy's latest campaign; an editorial one assigns
 * nothing (`campaignOnPublication`). Call it after the published version is stored. Resolves
 * to the campaign started, or undefined when none was called for (or the role runs none).
 */
export async function startCampaignOnPublication(
  workspace: Workspace,
  version: PolicyVersion,
): Promise<AcknowledgmentCampaign | undefined> {
  if (!canWriteKind(workspace.user.role, 'acknowledgmentCampaign')) return undefined;
  const campaigns = await firstValueFrom(observeFind(workspace, 'acknowledgmentCampaign', { selector: { policyId: version.policyId } })); // prettier-ignore
  if (campaigns.some((campaign) => campaign.versionId === version.id)) return undefined;
  const campaign = campaignOnPublication({ version, campaigns, id: newId(), startedOn: today() }, sessionEditor(workspace), new Date()); // prettier-ignore
  if (!campaign || !checked('acknowledgmentCampaign', campaign).ok) return undefined;
  await workspace.db.acknowledgments.insert(campaign);
  return campaign;
}

/**
 * A person acknowledges the version they read: its text is hashed again here and must be the
 * hash the version was published with (what they read is what they sign for). The person is
 * the session's, or a colleague at the shared tablet (`person`), who confirms who they are by
 * typing their full name as their account has it. Quiz attempts are kept even when one fails.
 */
export async function acknowledge(
  workspace: Workspace,
  input: {
    campaign: AcknowledgmentCampaign;
    version: PolicyVersion;
    person: { id: string; name: string };
    typedName: string;
    answers?: readonly number[];
    existing?: Acknowledgment | undefined;
  },
): Promise<Result<{ acknowledgment: Acknowledgment; passed: boolean }, AcknowledgmentActionError>> {
  const read = await readPolicyText(input.version);
  if (read.contentHash !== input.version.contentHash)
    return fail({ code: 'content-changed', message: 'This text is not the version that was published; reload it before acknowledging' }); // prettier-ignore
  const offline = syncStatus.connection !== 'online';
  const recorded = recordAcknowledgment(
    {
      campaign: input.campaign,
      version: input.version,
      person: input.person,
      method: 'typed-name',
      typedName: input.typedName,
      ...(input.answers ? { answers: input.answers } : {}),
      ...(input.existing ? { existing: input.existing } : {}),
    },
    { deviceId: workspace.deviceId, offline, session: sessionEditor(workspace) },
    new Date(),
  );
  if (!recorded.ok) return fail({ ...recorded.error, field: recorded.error.code === 'typed-name-mismatch' ? 'typedName' : undefined }); // prettier-ignore
  const valid = checked('acknowledgment', recorded.value.acknowledgment);
  if (!valid.ok) return valid;
  await workspace.db.acknowledgments.upsert(recorded.value.acknowledgment);
  return recorded;
}

/** The incomplete acknowledgments as a CSV file, recorded in the audit trail as an export. */
export async function downloadIncompleteAcknowledgments(
  workspace: Workspace,
  report: AcknowledgmentReport,
  policies: readonly Pick<Policy, 'id' | 'number' | 'title'>[],
  staff: readonly StaffMember[],
): Promise<void> {
  downloadText(`incomplete-acknowledgments-${today()}.csv`, incompleteAcknowledgmentsCsv(report, policies, staff), 'text/csv'); // prettier-ignore
  await recordAccess(workspace, 'export', 'acknowledgments', null);
}
