import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue } from '../policies/policy-conflict-words.ts';
import type { AcknowledgmentCampaign } from './acknowledgment-campaign.schema.ts';
import { CAMPAIGN_REASON_LABELS, type CampaignReason } from './acknowledgment-labels.ts';

const LABELS: Record<string, string> = {
  audienceRoles: 'Roles asked',
  audienceStaffIds: 'People asked',
  startedOn: 'Start date',
  dueInDays: 'Days to acknowledge',
  dueOn: 'Due date',
  reason: 'Reason',
  closedOn: 'Closed on',
  _deleted: 'Removed',
};

/** Conflicts in an acknowledgment campaign (two office managers' devices changed it apart). */
export const acknowledgmentCampaignConflicts: ConflictDescriber<AcknowledgmentCampaign> = {
  kind: 'Acknowledgment campaign',
  title: (campaign) => `Acknowledgments due ${campaign.dueOn}`,
  href: (campaign) => `/policies/${campaign.policyId}/acknowledgments`,
  fieldLabel: (path) => LABELS[path] ?? path,
  formatValue: (path, value) =>
    path === 'reason' && typeof value === 'string' && value in CAMPAIGN_REASON_LABELS
      ? CAMPAIGN_REASON_LABELS[value as CampaignReason]
      : formatPolicyValue(path, value),
  parseTyped: () => null,
};
