import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import type { Duty } from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import type { Acknowledgment } from '@clinicdesk/shared/acknowledgments/acknowledgment.schema.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';

/** Before any campaign: a person the device knows only from a record is no new hire. */
export const LONG_AGO = '2000-01-01';

/**
 * The roster, and anyone an acknowledgment on this device names who is not on it (a colleague
 * who acknowledged on the shared tablet, synced to the office manager's device), by the name
 * they typed and in the first role their campaign names, so the report counts what they did.
 */
export function peopleKnown(
  roster: readonly StaffMember[],
  acknowledgments: readonly Acknowledgment[],
  campaigns: readonly AcknowledgmentCampaign[],
): StaffMember[] {
  const known = new Set(roster.map((person) => person.id));
  const extra = new Map<string, StaffMember>();
  for (const ack of acknowledgments) {
    if (known.has(ack.staffId) || extra.has(ack.staffId)) continue;
    const role = campaigns.find((campaign) => campaign.id === ack.campaignId)?.audienceRoles[0] ?? 'front-desk'; // prettier-ignore
    extra.set(ack.staffId, { id: ack.staffId, name: ack.typedName ?? 'Unknown person', role, active: true, startedOn: LONG_AGO, roleSince: LONG_AGO }); // prettier-ignore
  }
  return [...roster, ...extra.values()];
}

/** People with this campaign still to acknowledge, other than `except` (the tablet's session). */
export function stillToAcknowledge(
  duties: readonly Duty[],
  people: readonly StaffMember[],
  campaignId: string,
  except: string,
): StaffMember[] {
  const open = new Set(duties.filter((duty) => duty.campaignId === campaignId && duty.status !== 'done').map((duty) => duty.staffId)); // prettier-ignore
  return people.filter((person) => open.has(person.id) && person.id !== except);
}
