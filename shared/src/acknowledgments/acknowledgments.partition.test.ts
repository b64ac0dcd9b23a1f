import { describe, expect, it } from 'vitest';
import { editorFor } from '../policies/policy.fixture.ts';
import { rxSchemaOf } from '../registry/partition-rx-schema.ts';
import { acknowledgmentCampaignSchema } from './acknowledgment-campaign.schema.ts';
import { acknowledgmentSchema } from './acknowledgment.schema.ts';
import { ACKNOWLEDGMENTS_PARTITION } from './acknowledgments.partition.ts';
import { acknowledgmentsInScope } from './acknowledgments-scope.ts';

describe('the acknowledgments partition', () => {
  it('composes its kinds into one RxDB schema indexed by kind', () => {
    const rx = rxSchemaOf('acknowledgments', ACKNOWLEDGMENTS_PARTITION, [
      ['acknowledgmentCampaign', acknowledgmentCampaignSchema],
      ['acknowledgment', acknowledgmentSchema],
    ]);
    expect(rx.indexes).toEqual(['kind']);
  });

  it('keeps an acknowledgment to its person, the session it was given on and the office manager', () => {
    const ack = { kind: 'acknowledgment', staffId: 'u-sam', recordedBy: editorFor('u-dana') };
    expect(acknowledgmentsInScope({ role: 'front-desk', userId: 'u-sam' }, ack)).toBe(true);
    expect(acknowledgmentsInScope({ role: 'front-desk', userId: 'u-dana' }, ack)).toBe(true);
    expect(acknowledgmentsInScope({ role: 'office-manager', userId: 'u-om' }, ack)).toBe(true);
    expect(acknowledgmentsInScope({ role: 'clinician', userId: 'u-kim' }, ack)).toBe(false);
    expect(acknowledgmentsInScope({ role: 'admin', userId: 'u-kim' }, ack)).toBe(false);
    expect(acknowledgmentsInScope({ role: 'clinician', userId: 'u-kim' }, { kind: 'acknowledgmentCampaign' })).toBe(true); // prettier-ignore
  });
});
