import { describe, expect, it } from 'vitest';
import { at, editorFor, HASH_1, policy, published } from '../policies/policy.fixture.ts';
import { campaign, STAFF, v1, v2 } from './acknowledgment.fixture.ts';
import type { Acknowledgment } from './acknowledgment.schema.ts';
import { acknowledgmentCovers } from './acknowledgment-coverage.ts';
import { acknowledgmentDuties } from './acknowledgment-duties.ts';
import { acknowledgmentReport, incompleteAcknowledgmentsCsv } from './acknowledgment-report.ts';
import { recordAcknowledgment } from './record-acknowledgment.ts';
import { toAcknowledge } from './to-acknowledge.ts';

const tablet = { deviceId: '019abc00-0000-7000-8000-000000000007', offline: true, session: editorFor('u-dana', 7) }; // prettier-ignore
function ackBy(staffId: string, version = v1): Acknowledgment {
  const person = STAFF.find((p) => p.id === staffId)!;
  const result = recordAcknowledgment({ campaign, version, person, method: 'pin', pinConfirmed: true }, tablet, at('2026-02-10')); // prettier-ignore
  if (!result.ok) throw new Error(result.error.code);
  return result.value.acknowledgment;
}

describe('acknowledgment coverage', () => {
  it('carries an acknowledgment over editorial versions, never over a material one', () => {
    const ack = ackBy('u-dana');
    expect(acknowledgmentCovers(ack, v2, [v1, v2])).toBe(true);
    expect(acknowledgmentCovers(ack, v2, [v1, { ...v2, materialChange: true }])).toBe(false);
  });

  it('does not count an acknowledgment bound to other content', () => {
    expect(acknowledgmentCovers({ ...ackBy('u-dana'), contentHash: '9'.repeat(64) }, v1, [v1])).toBe(false); // prettier-ignore
  });
});

describe('the acknowledgment report', () => {
  const versions = [v1];

  it('shows both front-desk acknowledgments given on one offline tablet once synced', () => {
    const duties = acknowledgmentDuties({ campaigns: [campaign], acknowledgments: [ackBy('u-dana'), ackBy('u-sam')], versions, staff: STAFF }, '2026-03-10'); // prettier-ignore
    const report = acknowledgmentReport(duties, [policy], STAFF);
    expect(report.overall).toMatchObject({ total: 3, done: 2, percent: 66 });
    expect(report.byRole.map((r) => [r.label, r.done, r.total, r.percent])).toEqual([
      ['Clinician', 0, 1, 0],
      ['Front desk', 2, 2, 100],
    ]);
    expect(report.byPolicy).toMatchObject([{ label: 'HIPAA-P-03 Minimum necessary', percent: 66 }]);
    expect(report.incomplete.map((d) => [d.staffId, d.status])).toEqual([['u-kim', 'overdue']]);
    expect(incompleteAcknowledgmentsCsv(report, [policy], STAFF)).toBe(
      'Person,Role,Policy,Title,Due,Status\r\nKim Novak,Clinician,HIPAA-P-03,Minimum necessary,2026-03-03,Overdue\r\n',
    );
  });

  it('lists what one person has to read and acknowledge, the version now in force to read', () => {
    const duties = acknowledgmentDuties({ campaigns: [campaign], acknowledgments: [ackBy('u-dana')], versions: [{ ...v1, status: 'superseded' }, v2], staff: STAFF }, '2026-02-20'); // prettier-ignore
    expect(toAcknowledge(duties, 'u-sam').map((d) => [d.policyId, d.dueOn, d.status, d.readVersionId])).toEqual([[policy.id, '2026-03-03', 'due', v2.id]]); // prettier-ignore
    expect(toAcknowledge(duties, 'u-dana')).toEqual([]);
  });

  it('drops a campaign a material change replaced', () => {
    const material = published(2, { contentHash: HASH_1, materialChange: true });
    const duties = acknowledgmentDuties({ campaigns: [campaign], acknowledgments: [], versions: [v1, material], staff: STAFF }, '2026-03-10'); // prettier-ignore
    expect(duties).toEqual([]);
  });

  it('assigns every one of 60 staff × 300 policy versions (the benchmark’s practice)', () => {
    const staff = Array.from({ length: 60 }, (_, i) => ({ ...STAFF[0]!, id: `u-${i}`, name: `Staff ${i}` })); // prettier-ignore
    const many = Array.from({ length: 300 }, (_, i) => published(1, { id: `p${i}-v1`, policyId: `p${i}` })); // prettier-ignore
    const campaigns = many.map((v, i) => ({ ...campaign, id: `c${i}`, policyId: v.policyId, versionId: v.id })); // prettier-ignore
    const duties = acknowledgmentDuties({ campaigns, acknowledgments: [], versions: many, staff }, '2026-02-10'); // prettier-ignore
    expect(duties).toHaveLength(60 * 300);
    expect(acknowledgmentReport(duties, [], staff).byPerson).toHaveLength(60);
  });
});
