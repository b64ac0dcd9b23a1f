import type { Role } from '../auth/roles.ts';

/**
 * The sync partitions every planned domain will use (ADR 15): each a replicated collection chosen
 * by who may read it, holding several kinds of record. Data, so that a test keeps the plan, the
 * collections that exist and the permission table in step; RxDB's free build allows 13 open
 * collections per tab, and the project keeps at most 12.
 */
export type PlannedPartition = {
  name: string;
  /** The kinds of record it will hold (the office's words). */
  kinds: readonly string[];
  read: readonly Role[];
  /** Today's collections that become kinds of this partition. */
  absorbs?: readonly string[];
  /** Where not every reader may read every record (ADR 15, record scope). */
  recordScope?: string;
};

export const MAX_PARTITIONS = 12;

const DESK_AND_CLINIC = ['front-desk', 'billing', 'clinician', 'office-manager'] as const;
const DESK_AND_BILLING = ['front-desk', 'billing', 'office-manager'] as const;
const EVERYONE = ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'] as const;

export const PARTITION_PLAN: readonly PlannedPartition[] = [
  { name: 'patients', kinds: ['patient'], read: DESK_AND_CLINIC },
  // Not folded into patients: its records lack the list's index fields (ADR 15, amendment).
  { name: 'chartMerges', kinds: ['chart merge'], read: DESK_AND_CLINIC },
  { name: 'visits', kinds: ['visit'], read: DESK_AND_CLINIC },
  {
    name: 'schedule',
    kinds: ['provider', 'room', 'appointment type', 'weekly hours', 'block', 'holiday', 'appointment', 'waitlist entry', 'recall'], // prettier-ignore
    read: DESK_AND_CLINIC,
  },
  { name: 'payments', kinds: ['payment', 'balance entry', 'receipt', 'daily close'], read: DESK_AND_BILLING }, // prettier-ignore
  {
    name: 'filing',
    kinds: ['filed document', 'category', 'document type', 'custom field', 'correspondent', 'tag', 'retention rule', 'legal hold'], // prettier-ignore
    read: DESK_AND_CLINIC,
    recordScope: "the category's read roles",
  },
  { name: 'disclosures', kinds: ['release request', 'disclosure', 'release letterhead'], read: DESK_AND_BILLING }, // prettier-ignore
  {
    name: 'policies',
    kinds: ['manual', 'policy', 'policy version', 'policy approval', 'policy review'],
    read: EVERYONE,
    recordScope: 'drafts and reviews: their authors, approvers and the office manager',
  },
  {
    name: 'acknowledgments',
    kinds: ['acknowledgment campaign', 'acknowledgment'],
    read: EVERYONE,
    recordScope: "a person's own; the office manager all",
  },
  {
    name: 'staff',
    kinds: ['staff profile', 'credential', 'training record', 'onboarding checklist'],
    read: EVERYONE,
    recordScope: "a person's own; the office manager all; the administrator profiles only",
  },
  {
    name: 'office',
    kinds: ['complaint', 'incident', 'compliance task', 'meeting', 'supply item', 'equipment item', 'maintenance entry'], // prettier-ignore
    read: ['office-manager'],
  },
];
