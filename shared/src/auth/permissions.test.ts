import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../sync/collections.ts';
import {
  canRead,
  canUse,
  canWrite,
  COLLECTION_ACCESS,
  FEATURE_ACCESS,
  readableCollections,
} from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * What each role may do, written out by hand (not derived from the table), so that a change to
 * the table must be made twice on purpose. ADR 0008 gives the reasons.
 */
const EXPECTED_COLLECTIONS: Record<string, Record<Role, 'none' | 'read' | 'write'>> = {
  patients: {
    'front-desk': 'write',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  chartMerges: {
    'front-desk': 'read',
    billing: 'read',
    clinician: 'read',
    'office-manager': 'write',
    admin: 'none',
  },
  visits: {
    'front-desk': 'write',
    billing: 'read',
    clinician: 'write',
    'office-manager': 'write',
    admin: 'none',
  },
};

const EXPECTED_FEATURES: Record<string, Role[]> = {
  'devices.overview': ['office-manager', 'admin'],
  'devices.manage': ['office-manager', 'admin'],
  'devices.report': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  'sync.stream': ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
  'charts.numbers': ['front-desk', 'office-manager'],
  'audit.upload': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'users.manage': ['admin'],
  'files.read': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'files.write': ['front-desk', 'office-manager'],
  'charts.merge': ['office-manager'],
  'patients.history': ['front-desk', 'billing', 'clinician', 'office-manager'],
  'audit.report': ['office-manager', 'admin'],
};

describe('the permission table', () => {
  it('has an entry for every replicated collection and nothing else', () => {
    expect(Object.keys(COLLECTION_ACCESS).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(Object.keys(EXPECTED_COLLECTIONS).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it.each(COLLECTION_NAMES.flatMap((c) => ROLES.map((r) => [c, r] as const)))(
    '%s for %s is as intended',
    (collection, role) => {
      const expected = EXPECTED_COLLECTIONS[collection]?.[role];
      expect(canRead(role, collection)).toBe(expected !== 'none');
      expect(canWrite(role, collection)).toBe(expected === 'write');
      expect(readableCollections(role).includes(collection)).toBe(expected !== 'none');
    },
  );

  it('never lets a role write what it may not read', () => {
    for (const access of Object.values(COLLECTION_ACCESS))
      for (const role of access.write) expect(access.read).toContain(role);
  });

  it('gives each feature to the intended roles only', () => {
    expect(Object.keys(FEATURE_ACCESS).sort()).toEqual(Object.keys(EXPECTED_FEATURES).sort());
    for (const [feature, roles] of Object.entries(EXPECTED_FEATURES))
      for (const role of ROLES)
        expect(canUse(role, feature as keyof typeof FEATURE_ACCESS)).toBe(roles.includes(role));
  });
});
