/** Why a version was assigned to be acknowledged. */
export const CAMPAIGN_REASONS = ['initial', 'material-change', 'new-staff', 'role-change'] as const;
export type CampaignReason = (typeof CAMPAIGN_REASONS)[number];
export const CAMPAIGN_REASON_LABELS: Record<CampaignReason, string> = {
  initial: 'New policy',
  'material-change': 'Material change',
  'new-staff': 'New staff',
  'role-change': 'New role',
};

/**
 * How the person confirmed who they are: typing their name, or their PIN on a shared tablet
 * (several people acknowledge one after another on the reception tablet, which stays signed in).
 */
export const ACKNOWLEDGMENT_METHODS = ['typed-name', 'pin'] as const;
export type AcknowledgmentMethod = (typeof ACKNOWLEDGMENT_METHODS)[number];
export const ACKNOWLEDGMENT_METHOD_LABELS: Record<AcknowledgmentMethod, string> = {
  'typed-name': 'Typed name',
  pin: 'PIN',
};

/** What the person affirms (PolicyStat's wording). */
export const ACKNOWLEDGMENT_STATEMENT = 'I have read and understood this policy';
