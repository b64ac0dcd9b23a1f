import type { z } from 'zod';
import { chartMergeSchema } from '../charts/chart-merge.schema.ts';
import { visitSchema } from '../checkin/visit.schema.ts';
import { patientSchema } from '../patients/patient.schema.ts';
import type { KindDocuments, KindName } from './partitions.ts';

/**
 * The zod schema of every kind of record, which both the server (every pushed row) and the
 * device's forms enforce; the RxDB schemas are generated from them (`partition-rx-schema.ts`).
 * The type requires exactly one per kind the registry declares, and each must give its
 * kind's document type.
 */
export const KIND_SCHEMAS = {
  patient: patientSchema,
  chartMerge: chartMergeSchema,
  visit: visitSchema,
} as const satisfies { [K in KindName]: z.ZodType<KindDocuments[K]> };
