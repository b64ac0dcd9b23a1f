import { orderPair } from '@clinicdesk/shared/charts/duplicate-review.ts';
import {
  LIKELY_DUPLICATE_SCORE,
  scoreDuplicate,
} from '@clinicdesk/shared/patients/find-duplicates.ts';
import { patientMatchKeys } from '@clinicdesk/shared/patients/match-keys.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { DuplicatePairInput } from '../storage/chart-store.ts';
import type { DocumentWriter, Store } from '../storage/store.ts';

/** Patients compared with one synced patient at most (the largest blocks are common names). */
const CANDIDATES_MAX = 500;
const INDEX_BATCH = 200;

/** A key only this patient has: marks it as checked, so the catch-up pass skips it. */
const checkedKey = (id: string) => `checked:${id}`;

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;

/**
 * Finds likely duplicate charts after sync: each patient a push wrote is scored (with the same
 * rules as the registration form's warning) against the patients sharing a blocking key with it,
 * so the work per push does not grow with the size of the practice. Pairs land in a review list
 * for staff allowed to merge; a merged-away or removed chart leaves the list.
 */
export function createDuplicatesService(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  async function checkPatient(doc: WireDocument): Promise<DuplicatePairInput[]> {
    const gone = doc._deleted || typeof doc.mergedInto === 'string';
    if (gone) {
      await store.charts.setPatientMatchKeys(doc.id, [checkedKey(doc.id)]);
      await store.charts.closeDuplicatePairsOf(doc.id);
      return [];
    }
    const patient = doc as unknown as Patient;
    const keys = patientMatchKeys(patient);
    // Keys first: a twin synced at the same moment through another instance then finds this one.
    await store.charts.setPatientMatchKeys(doc.id, [...keys, checkedKey(doc.id)]);
    const candidates = await store.charts.patientsSharingKeys(doc.id, keys, CANDIDATES_MAX);
    return candidates
      .filter((other) => typeof other.mergedInto !== 'string')
      .map((other) => scoreDuplicate(patient, other as unknown as Patient))
      .filter((match) => match.score >= LIKELY_DUPLICATE_SCORE)
      .map((match) => ({
        ...orderPair(doc.id, match.patient.id),
        score: match.score,
        reasons: match.reasons,
      }));
  }

  return {
    /**
     * Called after a push of patients committed, with the ids it wrote. Their state is read
     * back: a re-announced record's pushed state is not its current one (ADR 7).
     */
    async afterPatientsWritten(ids: readonly string[]): Promise<void> {
      const docs = await store.charts.currentDocuments('patients', ids);
      const pairs: DuplicatePairInput[] = [];
      for (const doc of docs) pairs.push(...(await checkPatient(doc)));
      await store.charts.recordDuplicatePairs(pairs, clock());
    },

    /**
     * Checks every patient stored without going through a device's push (the demo seed, data
     * from before this version). Returns how many it checked.
     */
    async checkUnchecked(): Promise<number> {
      let checked = 0;
      for (;;) {
        const docs = await store.charts.patientsNotChecked(INDEX_BATCH);
        if (docs.length === 0) return checked;
        const pairs: DuplicatePairInput[] = [];
        for (const doc of docs) pairs.push(...(await checkPatient(doc)));
        await store.charts.recordDuplicatePairs(pairs, clock());
        checked += docs.length;
      }
    },

    async list(limit: number) {
      const pairs = await store.charts.listOpenDuplicatePairs(limit);
      return pairs.map((pair) => ({
        firstId: pair.firstId,
        secondId: pair.secondId,
        score: pair.score,
        reasons: pair.reasons,
        foundAt: pair.foundAt.toISOString(),
        first: withoutTombstone(pair.first),
        second: withoutTombstone(pair.second),
      }));
    },

    /** Records that a person judged the two charts to be different people. */
    dismiss(a: string, b: string, by: DocumentWriter): Promise<boolean> {
      return store.charts.dismissDuplicatePair(orderPair(a, b), by, clock());
    },
  };
}

function withoutTombstone(doc: WireDocument): Patient {
  const { _deleted: _, ...patient } = doc;
  return patient as unknown as Patient;
}
