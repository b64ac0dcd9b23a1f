import { KIND_SCHEMAS } from '../registry/kind-schemas.ts';
import { kindOf } from '../registry/partitions.ts';
import { fail, ok, type Result } from '../result.ts';
import { jsonTextFault } from '../text/well-formed-text.ts';
import { COLLECTION_NAMES, type CollectionName, isCollectionName } from './collection-names.ts';
import type { RowRejection, WireDocument } from './protocol.ts';

export { COLLECTION_NAMES, type CollectionName, isCollectionName };

/**
 * Checks one pushed document against the schema of its kind (registry/kind-schemas.ts). The
 * tombstone flag is part of the wire form, not of the schema; everything else must match
 * exactly (unknown fields are refused), and a kind the partition does not hold is refused.
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
  const kind = kindOf(collection, body);
  if (kind === undefined)
    return fail({
      code: 'invalid-document',
      message: `This is no kind of record the ${collection} partition holds`,
      issues: [{ path: 'kind', message: 'Unknown kind of record' }],
    });
  const parsed = KIND_SCHEMAS[kind].safeParse(body);
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
