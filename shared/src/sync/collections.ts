import type { z } from 'zod';
import { chartMergeRxSchema, chartMergeSchema } from '../charts/chart-merge.schema.ts';
import { visitRxSchema, visitSchema } from '../checkin/visit.schema.ts';
import { patientRxSchema, patientSchema } from '../patients/patient.schema.ts';
import { fail, ok, type Result } from '../result.ts';
import { jsonTextFault } from '../text/well-formed-text.ts';
import { COLLECTION_NAMES, type CollectionName, isCollectionName } from './collection-names.ts';
import type { RowRejection, WireDocument } from './protocol.ts';

/**
 * Every replicated collection, with the schema that both the device and the server enforce.
 * RxDB's free build opens at most 13 collections per tab: keep this list at 12 or fewer and put
 * local-only tables in the plain Dexie database instead.
 */
export const REPLICATED_COLLECTIONS = {
  patients: { schema: patientSchema, rxSchema: patientRxSchema },
  chartMerges: { schema: chartMergeSchema, rxSchema: chartMergeRxSchema },
  /** Today's arrivals: the check-in board. */
  visits: { schema: visitSchema, rxSchema: visitRxSchema },
} as const satisfies Record<CollectionName, { schema: z.ZodType; rxSchema: () => object }>;

export { COLLECTION_NAMES, type CollectionName, isCollectionName };

/**
 * Checks one pushed document against its collection's schema. The tombstone flag is part of the
 * wire form, not of the schema; everything else must match exactly (unknown fields are refused).
 */
export function validateWireDocument(
  collection: CollectionName,
  doc: unknown,
): Result<WireDocument, Omit<RowRejection, 'id'>> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return fail({ code: 'invalid-document', message: 'A document must be a JSON object' });
  // Before the schema: it copies objects, which would drop a `__proto__` key, and free JSON
  // values (a conflict's sides) hold strings no field rule sees. Refused, never altered: the
  // device is told its change was stored only when it was stored as sent.
  const text = jsonTextFault(doc);
  if (text)
    return fail({
      code: 'invalid-document',
      message: text.message,
      issues: [{ path: text.path, message: text.message }],
    });
  const { _deleted, ...body } = doc as Record<string, unknown>;
  if (typeof _deleted !== 'boolean')
    return fail({ code: 'invalid-document', message: 'A document must say whether it is deleted' });
  const parsed = REPLICATED_COLLECTIONS[collection].schema.safeParse(body);
  if (!parsed.success) {
    return fail({
      code: 'invalid-document',
      message: 'The document does not match the schema',
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    });
  }
  return ok({ ...parsed.data, _deleted });
}
