import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { addDays } from '../dates/calendar-days.ts';
import { calendarDate } from '../dates/plausible-dates.ts';
import { recordId, staffId } from '../policies/policy-fields.ts';
import { documentBase } from '../registry/document-base.ts';
import { CAMPAIGN_REASONS } from './acknowledgment-labels.ts';

/**
 * An assignment of one policy version to roles and people, to read and acknowledge by a due
 * date. Who joins the audience later (a new hire, someone whose role changes into it) is
 * assigned by the same campaign, with a due date `dueInDays` after they joined.
 */
export const acknowledgmentCampaignSchema = z
  .strictObject({
    id: recordId,
    policyId: recordId,
    versionId: recordId,
    audienceRoles: z.array(z.enum(ROLES)).max(ROLES.length),
    audienceStaffIds: z.array(staffId).max(500),
    startedOn: calendarDate('start date'),
    /** Days each person has, from the start (or from the day they joined the audience). */
    dueInDays: z.number().int().min(1).max(365),
    dueOn: calendarDate('due date'),
    reason: z.enum(CAMPAIGN_REASONS),
    /** Closed by the office manager (or replaced by a material change's campaign). */
    closedOn: calendarDate('closing date').optional(),
    ...documentBase('acknowledgmentCampaign'),
  })
  .refine((campaign) => campaign.dueOn === addDays(campaign.startedOn, campaign.dueInDays), {
    path: ['dueOn'],
    message: 'The due date is the start date plus the days given',
  });
export type AcknowledgmentCampaign = z.infer<typeof acknowledgmentCampaignSchema>;
