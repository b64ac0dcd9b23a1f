import { describe, expect, it } from 'vitest';
import type { PrivacyNotice } from '../patients/consents.schema.ts';
import { policy, published } from './policy.fixture.ts';
import { noticeCoverage, noticeInForce } from './privacy-notice.ts';

const notice = { ...policy, number: 'HIPAA-P-01', title: 'Notice of Privacy Practices', privacyNotice: true }; // prettier-ignore
const v1 = published(1, { versionLabel: '2026-01', status: 'superseded', supersededOn: '2026-09-01' }); // prettier-ignore
const v2 = published(2, { effectiveOn: '2026-09-01', materialChange: false });
const ack = (version: string, status: PrivacyNotice['status'] = 'acknowledged'): PrivacyNotice => ({ status, version, date: '2026-02-10', method: 'signed-tablet' }); // prettier-ignore

describe('the Notice of Privacy Practices check-in asks for', () => {
  it('is the notice policy’s version in force that day, named by its label', () => {
    expect(noticeInForce([policy, notice], [v1], '2026-05-01')?.label).toBe('2026-01');
    expect(noticeInForce([policy, notice], [v1, v2], '2026-09-01')?.label).toBe('HIPAA-P-01 v2');
    expect(noticeInForce([policy], [v1], '2026-05-01')).toBeUndefined();
  });

  it('is covered by an acknowledgment of it, or of one before it with only editorial changes since', () => {
    const inForce = noticeInForce([notice], [v1, v2], '2026-10-01');
    expect(noticeCoverage(ack('HIPAA-P-01 v2'), inForce)).toEqual({ covered: true, code: 'acknowledged' }); // prettier-ignore
    expect(noticeCoverage(ack('2026-01'), inForce)).toEqual({
      covered: true,
      code: 'acknowledged',
    });
  });

  it('asks again after a material change, when none is stored, and when it was not obtained', () => {
    const material = noticeInForce([notice], [v1, { ...v2, materialChange: true }], '2026-10-01');
    expect(noticeCoverage(ack('2026-01'), material)).toEqual({ covered: false, code: 'outdated' });
    expect(noticeCoverage(undefined, material)).toEqual({ covered: false, code: 'missing' });
    expect(noticeCoverage(ack('HIPAA-P-01 v2', 'not-obtained'), material)).toEqual({ covered: false, code: 'not-obtained' }); // prettier-ignore
  });

  it('asks for nothing before the first notice is published, and says so', () => {
    expect(noticeCoverage(ack('2026-01'), undefined)).toEqual({ covered: false, code: 'no-notice-in-force' }); // prettier-ignore
  });
});
