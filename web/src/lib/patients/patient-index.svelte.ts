import type { Patient, Sex } from '@clinicdesk/shared/patients/patient.schema.ts';
import {
  PatientSearchIndex,
  type SearchResult,
} from '@clinicdesk/shared/patients/patient-search-index.ts';
import type { SearchablePatient } from '@clinicdesk/shared/patients/search-patients.ts';
import type { RxChangeEventBulk } from 'rxdb';
import type { ClinicDatabase } from '../db/database.ts';

/** What a search result row shows: a few fields, so 100,000 of them stay light in memory. */
export type PatientListing = SearchablePatient & { sex: Sex };

type StoredPatient = Patient & { _deleted?: boolean };

/** Changes arriving close together (a sync page, say) refresh the results once. */
const REFRESH_AFTER_MS = 60;

/**
 * The device's patient search, kept current from the database's change stream: loaded once per
 * signed-in database, then patched one change at a time as the receptionist, other tabs and
 * sync write — never rebuilt per keystroke or per page visit.
 *
 * Every search is measured as `clinicdesk:patient-search` with the User Timing API, so a
 * benchmark page can read `performance.getEntriesByName('clinicdesk:patient-search')`.
 */
export class LivePatientIndex {
  readonly #index = new PatientSearchIndex<PatientListing>();
  #version = $state(0);
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  loaded = $state(false);

  constructor(db: ClinicDatabase) {
    const early: RxChangeEventBulk<StoredPatient>[] = [];
    // Subscribed before the first load so no change falls between the two; changes that the
    // load already holds are applied again, which leaves the same state.
    db.patients.eventBulks$.subscribe((bulk: RxChangeEventBulk<StoredPatient>) => {
      if (!this.loaded) early.push(bulk);
      else this.#apply(bulk);
    });
    void db.patients
      .find()
      .exec()
      .then((docs) => {
        this.#index.reset(docs.map((doc) => listing(doc.toJSON() as StoredPatient)));
        for (const bulk of early) this.#apply(bulk);
        early.length = 0;
        this.#index.search('');
        this.loaded = true;
        this.#version++;
      });
  }

  /** Patients that can be found on this device. */
  get size(): number {
    void this.#version;
    return this.#index.size;
  }

  search(text: string, limit: number): SearchResult<PatientListing> {
    void this.#version;
    const start = performance.now();
    const result = this.#index.search(text, limit);
    performance.measure('clinicdesk:patient-search', {
      start,
      detail: { length: text.length, total: result.total },
    });
    return result;
  }

  #apply(bulk: RxChangeEventBulk<StoredPatient>): void {
    for (const event of bulk.events) {
      const doc = event.documentData;
      if (event.operation === 'DELETE' || doc._deleted) this.#index.remove(event.documentId);
      else this.#index.put(listing(doc));
    }
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = null;
      this.#version++;
    }, REFRESH_AFTER_MS);
  }
}

function listing(doc: StoredPatient): PatientListing {
  const { id, givenName, middleName, familyName, preferredName, dateOfBirth, sex } = doc;
  const { phone, otherPhones, chartNumber, mergedInto } = doc;
  const previousNames = doc.previousNames
    ? Object.fromEntries(
        Object.entries(doc.previousNames).map(([key, { givenName, familyName }]) => [
          key,
          { givenName, familyName },
        ]),
      )
    : undefined;
  return {
    ...{ id, givenName, middleName, familyName, preferredName, previousNames, dateOfBirth, sex },
    ...{ phone, otherPhones, chartNumber, mergedInto },
  };
}

const indexes = new WeakMap<ClinicDatabase, LivePatientIndex>();

/** The search index of this signed-in database (built on first use, then kept live). */
export function patientIndex(db: ClinicDatabase): LivePatientIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new LivePatientIndex(db)));
  return index;
}
