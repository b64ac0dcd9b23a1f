import { describe, expect, it } from 'vitest';
import { campaign } from './acknowledgment.fixture.ts';
import { acknowledgmentCampaignConflicts } from './acknowledgment-campaign-conflicts.ts';
import { acknowledgmentConflicts } from './acknowledgment-conflicts.ts';
import type { Acknowledgment } from './acknowledgment.schema.ts';

describe('acknowledgment conflict describers', () => {
  it('name campaigns and acknowledgments in the office’s words, and let nothing be typed', () => {
    expect(acknowledgmentCampaignConflicts.title(campaign, () => undefined)).toBe('Acknowledgments due 2026-03-03'); // prettier-ignore
    expect(acknowledgmentCampaignConflicts.formatValue('reason', 'material-change')).toBe('Material change'); // prettier-ignore
    expect(acknowledgmentCampaignConflicts.formatValue('audienceRoles', ['front-desk'])).toBe('front-desk'); // prettier-ignore
    const ack = { versionId: 'p-1-v3', policyId: 'p-1' } as Acknowledgment;
    expect(acknowledgmentConflicts.title(ack, () => undefined)).toBe('Acknowledgment of version 3');
    expect(acknowledgmentConflicts.formatValue('method', 'pin')).toBe('PIN');
    expect(acknowledgmentConflicts.parseTyped('typedName', 'Dana')).toBeNull();
  });
});
