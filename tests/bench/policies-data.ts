import type { AcknowledgmentCampaign } from '@clinicdesk/shared/acknowledgments/acknowledgment-campaign.schema.ts';
import type { Acknowledgment } from '@clinicdesk/shared/acknowledgments/acknowledgment.schema.ts';
import type { StaffMember } from '@clinicdesk/shared/acknowledgments/who-must-acknowledge.ts';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { EMPTY_POLICY_TEXT } from '@clinicdesk/shared/policies/policy-text.ts';
import { Random } from '../fault/random.ts';
import { BenchCorpus } from './filing-search-corpus.ts';

/**
 * The policy benchmarks' data, synthetic and seeded, the same on both sides (the device in
 * Chromium, SQLite in Node): a long procedure in sections, a practice's policy library for
 * search, and the acknowledgments of 60 staff for 300 published versions.
 */

const STAMP = '2026-01-05T09:00:00.000Z';
const wordsOf = (corpus: BenchCorpus, random: Random, count: number): string =>
  Array.from({ length: count }, () => corpus.word(random)).join(' ');
const uuid = (prefix: string, n: number) =>
  `019abc00-${prefix}-7000-8000-${String(n).padStart(12, '0')}`;

/** A long policy as sections: each a heading, paragraphs, numbered steps and a table. */
export type Section = { heading: string; paragraphs: string[]; steps: string[]; table: string[][] };

export function longPolicy(seed: number, sections: number): Section[] {
  const corpus = new BenchCorpus(seed);
  const random = new Random(seed + 7);
  const sentence = (words: number) => {
    const text = wordsOf(corpus, random, words);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return Array.from({ length: sections }, (_, i) => ({
    heading: `${i + 1}. ${sentence(4).slice(0, -1)}`,
    paragraphs: Array.from({ length: 4 }, () => sentence(95)),
    steps: Array.from({ length: 6 }, () => sentence(14)),
    table: [
      ['Who', 'When', 'Record'],
      ...Array.from({ length: 4 }, () => [sentence(3), sentence(4), sentence(6)]),
    ],
  }));
}

/** The practice's policies for search: number, title, manual, citations and their text. */
export type BenchPolicy = {
  policyId: string;
  number: string;
  title: string;
  manualTitle: string;
  legalReferences: string[];
  text: string;
};

const MANUALS = ['HIPAA privacy', 'HIPAA security', 'OSHA', 'Front desk', 'Personnel handbook', 'Emergency and downtime']; // prettier-ignore
const CITATIONS = ['45 CFR 164.530', '45 CFR 164.308', '29 CFR 1910.1030', '29 CFR 1910.1200', '45 CFR 164.404']; // prettier-ignore

export function benchLibrary(seed: number, count: number): BenchPolicy[] {
  const corpus = new BenchCorpus(seed);
  const random = new Random(seed + 1);
  return corpus.documents(count).map((doc, i) => ({
    policyId: uuid('0000', i + 1),
    number: `POL-${String(i + 1).padStart(3, '0')}`,
    title: wordsOf(corpus, random, random.int(2, 5)),
    manualTitle: MANUALS[i % MANUALS.length]!,
    legalReferences: [CITATIONS[i % CITATIONS.length]!],
    text: doc.pages.join('\n'),
  }));
}

const ROLES: Role[] = ['front-desk', 'front-desk', 'billing', 'clinician', 'clinician', 'office-manager']; // prettier-ignore

export type ReportData = {
  staff: StaffMember[];
  versions: PolicyVersion[];
  campaigns: AcknowledgmentCampaign[];
  acknowledgments: Acknowledgment[];
  today: string;
};

/**
 * 60 staff and 300 published versions (one policy each), each assigned to two or three roles;
 * about 70% of the assignments acknowledged. Some staff started after a campaign (their own
 * due date). The version texts are empty: the report never reads them.
 */
export function reportData(seed: number, staffCount: number, versionCount: number): ReportData {
  const random = new Random(seed);
  const staff: StaffMember[] = Array.from({ length: staffCount }, (_, i) => {
    const startedOn = random.chance(0.15) ? '2026-03-01' : '2024-01-15';
    return {
      id: `u-staff-${String(i + 1).padStart(3, '0')}`,
      name: `Staff member ${i + 1}`,
      role: ROLES[i % ROLES.length]!,
      active: true,
      startedOn,
      roleSince: startedOn,
    };
  });
  const versions: PolicyVersion[] = [];
  const campaigns: AcknowledgmentCampaign[] = [];
  const acknowledgments: Acknowledgment[] = [];
  for (let i = 0; i < versionCount; i++) {
    const policyId = uuid('1111', i + 1);
    const contentHash = (i % 16).toString(16).repeat(64);
    const version: PolicyVersion = {
      id: versionIdOf(policyId, 1),
      kind: 'policyVersion',
      policyId,
      versionNumber: 1,
      status: 'published',
      effectiveOn: '2026-02-01',
      materialChange: true,
      text: EMPTY_POLICY_TEXT,
      contentHash,
      reviewRound: 1,
      approvers: [],
      authors: [],
      createdAt: STAMP,
      updatedAt: STAMP,
    };
    versions.push(version);
    const roles = [...new Set(ROLES)].filter(() => random.chance(0.6));
    const campaign: AcknowledgmentCampaign = {
      id: uuid('2222', i + 1),
      kind: 'acknowledgmentCampaign',
      policyId,
      versionId: version.id,
      audienceRoles: roles.length > 0 ? roles : ['front-desk'],
      audienceStaffIds: [],
      startedOn: '2026-02-01',
      dueInDays: 30,
      dueOn: '2026-03-03',
      reason: 'initial',
      createdAt: STAMP,
      updatedAt: STAMP,
    };
    campaigns.push(campaign);
    for (const person of staff) {
      if (!campaign.audienceRoles.includes(person.role) || !random.chance(0.7)) continue;
      acknowledgments.push({
        id: `${version.id}-${person.id}`,
        kind: 'acknowledgment',
        campaignId: campaign.id,
        policyId,
        versionId: version.id,
        staffId: person.id,
        contentHash,
        acknowledgedAt: '2026-02-10T10:00:00.000Z',
        deviceId: uuid('3333', 1),
        method: 'typed-name',
        typedName: person.name,
        offline: false,
        recordedBy: { userId: person.id, name: person.name, deviceId: uuid('3333', 1) },
        createdAt: '2026-02-10T10:00:00.000Z',
        updatedAt: '2026-02-10T10:00:00.000Z',
      } as Acknowledgment);
    }
  }
  return { staff, versions, campaigns, acknowledgments, today: '2026-04-01' };
}
