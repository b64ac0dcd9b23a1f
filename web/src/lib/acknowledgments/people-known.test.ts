import { describe, expect, it } from 'vitest';
import { acknowledgmentDuties } from '@clinicdesk/shared/acknowledgments/acknowledgment-duties.ts';
import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from '@clinicdesk/shared/acknowledgments/acknowledgment.schema.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import { published } from '@clinicdesk/shared/policies/policy.fixture.ts';
import { peopleKnown, stillToAcknowledge } from './people-known.ts';

const version = published(1);
const campaign: AcknowledgmentCampaign = {
  id: 'c-1',
  kind: 'acknowledgmentCampaign',
  policyId: version.policyId,
  versionId: version.id,
  audienceRoles: ['front-desk'],
  audienceStaffIds: [],
  startedOn: '2026-12-01',
  dueInDays: 14,
  dueOn: '2026-12-15',
  reason: 'initial',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};
const tablet = { userId: 'u-desk', name: 'Demo Front Desk', deviceId: '019abc00-0000-7000-8000-000000000001' }; // prettier-ignore
const person = (id: string, name: string): StaffMember => ({ id, name, role: 'front-desk', active: true, startedOn: '2000-01-01', roleSince: '2000-01-01' }); // prettier-ignore
const rosaOnTablet: Acknowledgment = {
  id: `${version.id}-u-rosa`,
  kind: 'acknowledgment',
  campaignId: 'c-1',
  policyId: version.policyId,
  versionId: version.id,
  staffId: 'u-rosa',
  contentHash: version.contentHash ?? '',
  acknowledgedAt: '2026-12-02T10:00:00.000Z',
  deviceId: tablet.deviceId,
  method: 'typed-name',
  typedName: 'Rosa Delgado',
  offline: true,
  recordedBy: tablet,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
};

describe('the people the acknowledgment report counts', () => {
  it('counts a colleague the office manager’s device knows only by her acknowledgment, as done', () => {
    const everyone = peopleKnown([person('u-desk', 'Demo Front Desk')], [rosaOnTablet], [campaign]); // prettier-ignore
    expect(everyone.map((p) => [p.name, p.role])).toEqual([['Demo Front Desk', 'front-desk'], ['Rosa Delgado', 'front-desk']]); // prettier-ignore
    const duties = acknowledgmentDuties({ campaigns: [campaign], acknowledgments: [rosaOnTablet], versions: [version], staff: everyone }, '2026-12-02'); // prettier-ignore
    expect(duties.map((d) => [d.staffId, d.status])).toEqual([['u-desk', 'due'], ['u-rosa', 'done']]); // prettier-ignore
  });

  it('offers on the shared tablet only colleagues with the policy still to acknowledge, never the tablet’s own person', () => {
    const everyone = [person('u-desk', 'Demo Front Desk'), person('u-rosa', 'Rosa Delgado'), person('u-ana', 'Ana Ortiz')]; // prettier-ignore
    const duties = acknowledgmentDuties({ campaigns: [campaign], acknowledgments: [rosaOnTablet], versions: [version], staff: everyone }, '2026-12-02'); // prettier-ignore
    expect(stillToAcknowledge(duties, everyone, 'c-1', 'u-desk').map((p) => p.name)).toEqual(['Ana Ortiz']); // prettier-ignore
  });
});
