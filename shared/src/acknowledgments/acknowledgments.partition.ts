import { ROLES } from '../auth/roles.ts';
import type { PartitionDeclaration } from '../registry/partition.ts';
import { ACKNOWLEDGMENTS_RECORD_SCOPE } from './acknowledgments-scope.ts';
import { mergeAcknowledgments } from './merge-acknowledgments.ts';

/**
 * The `acknowledgments` partition (ADR 15): apart from `policies` because everyone writes here,
 * at a rate nothing in policies has, and its record scope differs (`ACKNOWLEDGMENTS_RECORD_SCOPE`:
 * a person's own, the office manager all). The office manager runs campaigns; every role
 * acknowledges. That each person writes only their own is not a role rule (no principal reaches
 * `writableState`): `recordedBy` is an author stamp the server takes only from the session that
 * sends it, and the record scope keeps a record to its person and that session.
 */
export const ACKNOWLEDGMENTS_PARTITION = {
  read: ROLES,
  version: 0,
  migrations: {},
  indexes: ['kind'],
  recordScope: ACKNOWLEDGMENTS_RECORD_SCOPE,
  kinds: {
    acknowledgmentCampaign: { write: ['office-manager'], fixed: ['policyId', 'versionId'] },
    // Attempts on two devices all stay; the earlier acknowledgment stands (mergeAcknowledgments).
    // Its id names the version and the person, who never change.
    acknowledgment: {
      write: ROLES,
      fixed: ['policyId', 'versionId', 'staffId'],
      merge: mergeAcknowledgments,
    },
  },
} as const satisfies PartitionDeclaration<'acknowledgmentCampaign' | 'acknowledgment'>;
