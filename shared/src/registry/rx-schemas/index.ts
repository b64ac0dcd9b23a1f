// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';
import type { PartitionName } from '../partitions.ts';
import { PATIENTS_RX_SCHEMA } from './patients.ts';
import { CHART_MERGES_RX_SCHEMA } from './chartMerges.ts';
import { VISITS_RX_SCHEMA } from './visits.ts';
import { FILING_RX_SCHEMA } from './filing.ts';
import { DISCLOSURES_RX_SCHEMA } from './disclosures.ts';
import { POLICIES_RX_SCHEMA } from './policies.ts';
import { ACKNOWLEDGMENTS_RX_SCHEMA } from './acknowledgments.ts';

/**
 * Every partition's RxDB schema, generated from the zod schemas of its kinds so that the
 * device's database opens without zod (ADR 14). rx-schemas.test.ts checks that they still agree.
 */
export const RX_SCHEMAS: Record<PartitionName, RxPartitionSchema> = {
  patients: PATIENTS_RX_SCHEMA,
  chartMerges: CHART_MERGES_RX_SCHEMA,
  visits: VISITS_RX_SCHEMA,
  filing: FILING_RX_SCHEMA,
  disclosures: DISCLOSURES_RX_SCHEMA,
  policies: POLICIES_RX_SCHEMA,
  acknowledgments: ACKNOWLEDGMENTS_RX_SCHEMA,
};
