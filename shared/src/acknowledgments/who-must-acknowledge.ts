import { addDays } from '../dates/calendar-days.ts';
import type { Role } from '../auth/roles.ts';
import type { PolicyVersion } from '../policies/policy-version.schema.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { AcknowledgmentCampaign } from './acknowledgment-campaign.schema.ts';
import type { CampaignReason } from './acknowledgment-labels.ts';

/** A person as the assignment rules need them (from their staff account and profile). */
export type StaffMember = {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  /** First day at the practice. */
  startedOn: string;
  /** First day in their current role (their start date if it never changed). */
  roleSince: string;
};

/** One person's duty to acknowledge one campaign's version, by a date of their own. */
export type Assignment = {
  campaignId: string;
  policyId: string;
  versionId: string;
  staffId: string;
  dueOn: string;
  reason: CampaignReason;
};

/**
 * Who must acknowledge a campaign's version: every active person it names, and every active
 * person of its roles. Those in the audience when it started are due on its due date; a person
 * hired after it started, or whose role changed into its roles after, is assigned automatically
 * with their own due date, the campaign's days after they joined (RLDatix's sign-off for new
 * joiners, without running the whole campaign again). A closed campaign assigns no one.
 */
export function assignmentsOf(
  campaign: AcknowledgmentCampaign,
  staff: readonly StaffMember[],
): Assignment[] {
  if (campaign.closedOn) return [];
  const out: Assignment[] = [];
  for (const person of staff) {
    if (!person.active) continue;
    const named = campaign.audienceStaffIds.includes(person.id);
    if (!named && !campaign.audienceRoles.includes(person.role)) continue;
    const assign = (dueOn: string, reason: CampaignReason) =>
      out.push({ campaignId: campaign.id, policyId: campaign.policyId, versionId: campaign.versionId, staffId: person.id, dueOn, reason }); // prettier-ignore
    if (person.startedOn > campaign.startedOn)
      assign(addDays(person.startedOn, campaign.dueInDays), 'new-staff');
    else if (!named && person.roleSince > campaign.startedOn)
      assign(addDays(person.roleSince, campaign.dueInDays), 'role-change');
    else assign(campaign.dueOn, campaign.reason);
  }
  return out;
}

/**
 * The campaign publishing a version calls for: a material change assigns the new version to
 * the audience of the policy's latest campaign, again; an editorial change assigns nothing
 * (acknowledgments of the version before still count: `acknowledgmentCovers`), nor does a
 * policy no one was ever asked to acknowledge. `id` comes from the caller's id generator.
 */
export function campaignOnPublication(
  input: {
    version: PolicyVersion;
    /** The policy's campaigns so far. */
    campaigns: readonly AcknowledgmentCampaign[];
    id: string;
    startedOn: string;
  },
  editor: Editor,
  now: Date,
): AcknowledgmentCampaign | undefined {
  const { version } = input;
  if (!version.materialChange) return undefined;
  const latest = input.campaigns
    .filter(
      (campaign) => campaign.policyId === version.policyId && campaign.versionId !== version.id,
    ) // prettier-ignore
    .sort((a, b) => (a.startedOn < b.startedOn ? 1 : a.startedOn > b.startedOn ? -1 : 0))[0];
  if (!latest) return undefined;
  const at = now.toISOString();
  return {
    id: input.id,
    kind: 'acknowledgmentCampaign',
    policyId: version.policyId,
    versionId: version.id,
    audienceRoles: latest.audienceRoles,
    audienceStaffIds: latest.audienceStaffIds,
    startedOn: input.startedOn,
    dueInDays: latest.dueInDays,
    dueOn: addDays(input.startedOn, latest.dueInDays),
    reason: 'material-change',
    createdAt: at,
    updatedAt: at,
    editedBy: editor,
  };
}
