import { describe, expect, it } from 'vitest';
import { KIND_SCHEMAS } from '../registry/kind-schemas.ts';
import { partitionOf, type KindName } from '../registry/partitions.ts';
import { COLLECTION_NAMES } from '../sync/collections.ts';
import {
  canRead,
  canUse,
  canWrite,
  canWriteKind,
  COLLECTION_ACCESS,
  FEATURE_ACCESS,
  KIND_ACCESS,
  readableCollections,
} from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * What each role may do, written out by hand (not derived from the table), so that a change to
 * the table must be made twice on purpose. ADR 0008 gives the reasons.
 */
const EXPECTED_KINDS: Record<string, Record<Role, 'none' | 'read' | 'write'>> = {
  patient: {
    'front-desk': 'write',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  chartMerge: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  visit: {
    'front-desk': 'write',
    billing: 'read',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'none',
  },
  filedDocument: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'none',
  },
  category: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  documentType: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  customField: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  correspondent: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'none',
  },
  tag: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'none',
  },
  retentionRule: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  legalHold: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  filingSettings: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  // The desk, billing and the office manager take requests and release; clinicians do not read
  // the release log (ADR 15). Accountable releases and denials: row rules (release-rules.ts).
  releaseRequest: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'none',
    'office-manager': 'write',
    admin: 'none',
  },
  disclosure: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'none',
    'office-manager': 'write',
    admin: 'none',
  },
  releaseLetterhead: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'none',
    'office-manager': 'write',
    admin: 'none',
  },
  manual: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'read',
  },
  policy: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'read',
  },
  // Anyone may author a draft; the row rule keeps publishing to the office manager.
  policyVersion: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'write',
  },
  // An approver of any role signs; a signature is their own (author stamps).
  policyApproval: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'write',
  },
  policyReview: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'write',
  },
  acknowledgmentCampaign: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'read',
  },
  // Everyone acknowledges, each for themselves (record scope and stamps).
  acknowledgment: {
    'front-desk': 'write',
    billing: 'write',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'write',
  },
};

const EXPECTED_FEATURES: Record<string, Role[]> = {
  'devices.overview': ['office-manager', 'admin'],
  'devices.manage': ['office-manager', 'admin'],
  'devices.report': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  'sync.stream': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  'charts.numbers': ['front-desk', 'office-manager'],
  'audit.upload': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'staff.manage': ['admin'],
  'blobs.read': ['front-desk', 'billing', 'clinician', 'office-manager'],
  // Whoever files a document uploads its scan: billing and clinicians too (issue 12).
  'blobs.write': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'charts.merge': ['office-manager'],
  'charts.history': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'audit.report': ['office-manager', 'admin'],
  'filing.disposition': ['office-manager'],
};

describe('the permission table', () => {
  it('has a rule for every kind of record and nothing else', () => {
    expect(Object.keys(KIND_ACCESS).sort()).toEqual(Object.keys(KIND_SCHEMAS).sort());
    expect(Object.keys(EXPECTED_KINDS).sort()).toEqual(Object.keys(KIND_SCHEMAS).sort());
    expect(Object.keys(COLLECTION_ACCESS).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it.each(
    (Object.keys(EXPECTED_KINDS) as KindName[]).flatMap((k) => ROLES.map((r) => [k, r] as const)),
  )('%s for %s is as intended', (kind, role) => {
    const expected = EXPECTED_KINDS[kind]?.[role];
    const partition = partitionOf(kind);
    expect(canRead(role, partition)).toBe(expected !== 'none');
    expect(canWriteKind(role, kind)).toBe(expected === 'write');
    expect(readableCollections(role).includes(partition)).toBe(expected !== 'none');
  });

  it('lets a role write a partition exactly when it may write one of its kinds', () => {
    for (const partition of COLLECTION_NAMES)
      for (const role of ROLES)
        expect(canWrite(role, partition)).toBe(
          Object.keys(COLLECTION_ACCESS[partition].kinds).some(
            (kind) => EXPECTED_KINDS[kind]?.[role] === 'write',
          ),
        );
  });

  it('never lets a role write what it may not read', () => {
    for (const access of Object.values(KIND_ACCESS))
      for (const role of access.write) expect(access.read).toContain(role);
  });

  it('gives each feature to the intended roles only', () => {
    expect(Object.keys(FEATURE_ACCESS).sort()).toEqual(Object.keys(EXPECTED_FEATURES).sort());
    for (const [feature, roles] of Object.entries(EXPECTED_FEATURES))
      for (const role of ROLES)
        expect(canUse(role, feature as keyof typeof FEATURE_ACCESS)).toBe(roles.includes(role));
  });
});
