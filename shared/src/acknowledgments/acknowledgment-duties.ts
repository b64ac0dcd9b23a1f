import type { PolicyVersion } from '../policies/policy-version.schema.ts';
import type { AcknowledgmentCampaign } from './acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from './acknowledgment.schema.ts';
import { acknowledgmentCovers, materialChangeBetween } from './acknowledgment-coverage.ts';
import { type Assignment, assignmentsOf, type StaffMember } from './who-must-acknowledge.ts';

export type DutyStatus = 'done' | 'due' | 'overdue';

/** One person's assignment and where it stands. */
export type Duty = Assignment & {
  status: DutyStatus;
  /** The acknowledgment that satisfies it. */
  acknowledgedAt?: string;
  /** The version to read: the campaign's, or the later one it carries over to. */
  readVersionId: string;
};

/**
 * Every open assignment of every campaign, with its status on `today`: done when the person's
 * acknowledgment covers it, overdue after its due date. A campaign whose version was followed by
 * a material change is replaced by the campaign of that change and assigns no one any more; one
 * followed only by editorial changes carries over to the version in force, which is what the
 * person reads. The lookups are by map, for a practice's 60 staff × 300 versions.
 */
export function acknowledgmentDuties(
  input: {
    campaigns: readonly AcknowledgmentCampaign[];
    acknowledgments: readonly Acknowledgment[];
    versions: readonly PolicyVersion[];
    staff: readonly StaffMember[];
  },
  today: string,
): Duty[] {
  const versions = new Map(input.versions.map((version) => [version.id, version]));
  const byPolicy = groupBy(input.versions, (version) => version.policyId);
  const acksBy = groupBy(input.acknowledgments, (ack) => `${ack.policyId}|${ack.staffId}`);
  const duties: Duty[] = [];
  for (const campaign of input.campaigns) {
    const version = versions.get(campaign.versionId);
    if (!version) continue;
    const policyVersions = byPolicy.get(campaign.policyId) ?? [];
    const latest = latestIssued(policyVersions);
    if (
      latest &&
      materialChangeBetween(
        policyVersions,
        campaign.policyId,
        version.versionNumber,
        latest.versionNumber,
      )
    )
      // prettier-ignore
      continue;
    const readVersionId = latest && latest.versionNumber > version.versionNumber ? latest.id : version.id; // prettier-ignore
    for (const assignment of assignmentsOf(campaign, input.staff)) {
      const acks = acksBy.get(`${assignment.policyId}|${assignment.staffId}`) ?? [];
      const covering = acks.find((ack) => acknowledgmentCovers(ack, version, policyVersions));
      const status: DutyStatus = covering ? 'done' : today > assignment.dueOn ? 'overdue' : 'due';
      duties.push({
        ...assignment,
        status,
        readVersionId,
        ...(covering?.acknowledgedAt ? { acknowledgedAt: covering.acknowledgedAt } : {}),
      });
    }
  }
  return duties;
}

function latestIssued(versions: readonly PolicyVersion[]): PolicyVersion | undefined {
  let latest: PolicyVersion | undefined;
  for (const version of versions)
    if (version.status === 'published' || version.status === 'superseded')
      if (!latest || version.versionNumber > latest.versionNumber) latest = version;
  return latest;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const group = out.get(key(item));
    if (group) group.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
