import { describe, expect, it } from 'vitest';
import { deviceAuditEventSchema } from './audit-event.ts';

const event = {
  eventId: '0195a0c4-1111-7000-8000-000000000001',
  action: 'print',
  userId: 'u-manager',
  deviceTime: '2026-03-02T08:30:00.000Z',
  collection: 'patients',
  recordId: '0195a0c4-2222-7000-8000-000000000001',
};

describe('an audit event a device reports', () => {
  it('names a patient by UUID', () => {
    expect(deviceAuditEventSchema.safeParse(event).success).toBe(true);
  });

  it('names a printed policy by the version printed', () => {
    const printed = { ...event, collection: 'policies', recordId: `${event.recordId}-v3` };
    expect(deviceAuditEventSchema.safeParse(printed).success).toBe(true);
  });

  it('refuses a version-style id for anything but a policy, and upper case anywhere', () => {
    const patient = deviceAuditEventSchema.safeParse({ ...event, recordId: `${event.recordId}-v3` }); // prettier-ignore
    expect(patient.success).toBe(false);
    expect(patient.error?.issues[0]).toMatchObject({ path: ['recordId'], message: 'Must be a lowercase UUID' }); // prettier-ignore
    const shouting = { ...event, collection: 'policies', recordId: 'POLICY-V1' };
    expect(deviceAuditEventSchema.safeParse(shouting).success).toBe(false);
  });
});
