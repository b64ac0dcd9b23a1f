import {
  type FamilyNameRange,
  listSettledBelow,
  PATIENT_LOAD_RANGES,
} from '@clinicdesk/shared/patients/patient-load-order.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import {
  type MangoQuerySelector,
  normalizeMangoQuery,
  prepareQuery,
  type RxCollection,
  type RxDocumentData,
} from 'rxdb';

type Position = Pick<Patient, 'familyName' | 'givenName' | 'id'>;

/** A page of patient records, and how far the list is final once it is in. */
export type PatientPage = {
  records: RxDocumentData<Patient>[];
  /** See `listSettledBelow`: null while no patient's place in the list is final yet. */
  settledBelow: string | null;
};

/**
 * Every patient on the device (tombstones left out), page by page in the patient list's load
 * order (`PATIENT_LOAD_RANGES`): each range in the order of the collection's name index
 * (family name, given name, id), so the list fills from the top. Reads the storage directly:
 * plain records, no RxDB document objects kept for 100,000 patients.
 *
 * A page goes on after the last patient of the one before (by name and id, not by counting),
 * so a write or deletion meanwhile never shifts the pages: no other patient is skipped or read
 * twice (a patient renamed past the last one read may be read again, in its new state). Writes
 * made while reading reach the reader through the change stream as well.
 */
export async function* patientPages(
  collection: RxCollection<Patient>,
  pageSizes: { first: number; then: number },
): AsyncGenerator<PatientPage> {
  let size = pageSizes.first;
  for (const [index, range] of PATIENT_LOAD_RANGES.entries()) {
    let after: Position | null = null;
    for (;;) {
      const documents = await readPage(collection, range, after, size);
      const last = documents[documents.length - 1];
      if (last)
        yield { records: documents, settledBelow: listSettledBelow(index, last.familyName) };
      if (!last || documents.length < size) break;
      after = { familyName: last.familyName, givenName: last.givenName, id: last.id };
      size = pageSizes.then;
    }
  }
}

/**
 * The first `limit` patients whose stored family name falls in `range`, in index order: a read
 * out of turn, for names typed before the whole list is read.
 */
export function patientsInRange(
  collection: RxCollection<Patient>,
  range: FamilyNameRange,
  limit: number,
): Promise<RxDocumentData<Patient>[]> {
  return readPage(collection, range, null, limit);
}

/** Up to `limit` live patients of `range` after `after` (from its start when null), in index order. */
async function readPage(
  collection: RxCollection<Patient>,
  range: FamilyNameRange,
  after: Position | null,
  limit: number,
): Promise<RxDocumentData<Patient>[]> {
  const schema = collection.schema.jsonSchema;
  const query = normalizeMangoQuery<RxDocumentData<Patient>>(schema, {
    selector: pageSelector(range, after),
    sort: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
    limit,
  });
  return (await collection.storageInstance.query(prepareQuery(schema, query))).documents;
}

function pageSelector(
  range: FamilyNameRange,
  after: Position | null,
): MangoQuerySelector<RxDocumentData<Patient>> {
  const familyName = {
    $gte: after?.familyName ?? range.from,
    ...(range.below === null ? {} : { $lt: range.below }),
  };
  if (!after) return { _deleted: { $eq: false }, familyName };
  return {
    _deleted: { $eq: false },
    // The index range starts at the last family name; the rest of the way past the last patient
    // is checked per record (few share a family name).
    familyName,
    $or: [
      { familyName: { $gt: after.familyName } },
      { givenName: { $gt: after.givenName } },
      { givenName: { $eq: after.givenName }, id: { $gt: after.id } },
    ],
  };
}
