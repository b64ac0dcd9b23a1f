import { describe, expect, it } from 'vitest';
import { at, editorFor, MANAGER, published } from '../policies/policy.fixture.ts';
import { acknowledgmentCampaignSchema } from './acknowledgment-campaign.schema.ts';
import { campaign, STAFF } from './acknowledgment.fixture.ts';
import { assignmentsOf, campaignOnPublication } from './who-must-acknowledge.ts';

const due = (staff = STAFF, c = campaign) =>
  assignmentsOf(c, staff).map((a) => [a.staffId, a.dueOn, a.reason]);

describe('who must acknowledge a version', () => {
  it('is everyone active in its roles and everyone it names, due on its date', () => {
    expect(acknowledgmentCampaignSchema.safeParse(campaign).error).toBeUndefined();
    expect(due()).toEqual([
      ['u-dana', '2026-03-03', 'initial'],
      ['u-sam', '2026-03-03', 'initial'],
      ['u-kim', '2026-03-03', 'initial'],
    ]);
  });

  it('assigns someone hired after it started, with their own due date', () => {
    const hired = { id: 'u-new', name: 'Ari New', role: 'front-desk' as const, active: true, startedOn: '2026-04-15', roleSince: '2026-04-15' }; // prettier-ignore
    expect(due([hired])).toEqual([['u-new', '2026-05-15', 'new-staff']]);
  });

  it('assigns someone whose role changed into its roles after it started, from that day', () => {
    const moved = { ...STAFF[2]!, role: 'front-desk' as const, roleSince: '2026-03-20' };
    expect(due([moved])).toEqual([['u-lee', '2026-04-19', 'role-change']]);
  });

  it('assigns no one once closed', () => {
    expect(due(STAFF, { ...campaign, closedOn: '2026-04-01' })).toEqual([]);
  });

  it('asks the same audience again only when a version is a material change', () => {
    const editor = editorFor(MANAGER);
    const material = published(2, { materialChange: true });
    const next = campaignOnPublication({ version: material, campaigns: [campaign], id: 'campaign-2', startedOn: '2026-06-01' }, editor, at('2026-05-20')); // prettier-ignore
    expect(next).toMatchObject({ versionId: material.id, audienceRoles: ['front-desk'], audienceStaffIds: ['u-kim'], dueOn: '2026-07-01', reason: 'material-change' }); // prettier-ignore
    expect(acknowledgmentCampaignSchema.safeParse(next).error).toBeUndefined();
    const editorial = published(2, { materialChange: false });
    expect(campaignOnPublication({ version: editorial, campaigns: [campaign], id: 'campaign-2', startedOn: '2026-06-01' }, editor, at('2026-05-20'))).toBeUndefined(); // prettier-ignore
  });
});
