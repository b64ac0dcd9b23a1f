import type { Patient, Sex } from '@clinicdesk/shared/patients/patient.schema.ts';
import {
  PatientSearchIndex,
  type SearchResult,
} from '@clinicdesk/shared/patients/patient-search-index.ts';
import {
  type FamilyNameRange,
  likelyFamilyNameRanges,
} from '@clinicdesk/shared/patients/patient-load-order.ts';
import {
  parsePatientQuery,
  type SearchablePatient,
} from '@clinicdesk/shared/patients/search-patients.ts';
import type { RxChangeEventBulk, RxDocumentData } from 'rxdb';
import type { ClinicDatabase } from '../db/database.ts';
import { patientPages, patientsInRange } from './patient-pages.ts';

/** What a search result row shows: a few fields, so 100,000 of them stay light in memory. */
export type PatientListing = SearchablePatient & { sex: Sex };

type StoredPatient = Patient & { _deleted?: boolean };

/** Changes arriving close together (a sync page, say) refresh the results once. */
const REFRESH_AFTER_MS = 60;

/**
 * Patients read per page when the list first opens: a first page about the size of a clinic's
 * A names, so the top of the list is final (and on screen) at once, then larger ones. Reading
 * yields to the browser between pages, so typing stays responsive while the rest is read.
 */
const PAGE_SIZES = { first: 500, then: 1_000 };

/**
 * A name typed while the list is still being read: from this many letters, the family names it
 * most likely means are read out of turn (at most `WANTED_MAX` records per spelling), so a
 * receptionist who types "smi" early sees the Smiths without waiting for the S page.
 */
const WANTED_WORD_MIN = 2;
const WANTED_MAX = 500;

/**
 * The device's patient search, kept current from the database's change stream: read once per
 * signed-in database, page by page in list order (`patientPages`), then patched one change at a
 * time as the receptionist, other tabs and sync write — never rebuilt per keystroke or per page
 * visit.
 *
 * While it is still being read, the list (no search text) shows only rows whose place is final
 * (`listSettledBelow`), and searches answer from the patients read so far: every row shown is a
 * real match, but more may follow, so `loaded` stays false until every patient is in (the list
 * must not say "no patient matches" before). Names typed meanwhile are read out of turn.
 *
 * Every search is measured as `clinicdesk:patient-search` with the User Timing API, so a
 * benchmark page can read `performance.getEntriesByName('clinicdesk:patient-search')`; the
 * first page read and the whole read are marked `clinicdesk:patients-first-page` and
 * `clinicdesk:patients-loaded` (the cold-start benchmark reports them).
 */
export class LivePatientIndex {
  readonly #index = new PatientSearchIndex<PatientListing>();
  #version = $state(0);
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Changes that arrived while a page was being read: applied after that page. */
  #arrived: RxChangeEventBulk<StoredPatient>[] | null = [];
  /** Every patient on the device is in the index. */
  loaded = $state(false);
  /** Resolves once `loaded` (whole-collection work that can wait starts then: see workspace.ts). */
  readonly whenLoaded: Promise<void>;
  /** Patient records read so far, and on the device (for "still loading"). */
  read = $state(0);
  expected = $state<number | null>(null);
  /** Family names typed before the list was read, to read before the next page. */
  readonly #wanted: FamilyNameRange[] = [];
  /** While reading: the list is final for folded family names before this (none if null). */
  #settledBelow: string | null = null;
  // Bookkeeping, not state: nothing on screen depends on which words were asked for.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #asked = new Set<string>();

  constructor(db: ClinicDatabase) {
    // Subscribed before the first read so no change falls between the two. A change that
    // arrives while a page is read may be older or newer than that page's copy of the record, so
    // changes are applied after each page, in order: the latest state always wins.
    db.patients.eventBulks$.subscribe((bulk: RxChangeEventBulk<StoredPatient>) => {
      if (this.#arrived) this.#arrived.push(bulk);
      else this.#apply(bulk);
    });
    void db.patients
      .count()
      .exec()
      .then((count) => (this.expected = count));
    // A failed read (the database closed by a sign-out, say) leaves the list "still loading";
    // whatever waits for the list goes ahead.
    this.whenLoaded = this.#readAll(db).catch((error: unknown) => {
      console.error('ClinicDesk could not read the patients on this device', error);
    });
  }

  async #readAll(db: ClinicDatabase): Promise<void> {
    for await (const { records, settledBelow } of patientPages(db.patients, PAGE_SIZES)) {
      this.#settledBelow = settledBelow;
      this.#add(records);
      if (this.read === 0) performance.mark('clinicdesk:patients-first-page');
      this.read += records.length;
      // Let the screen show this page and the receptionist's keys through before the next.
      await yieldToBrowser();
      // Then what was typed meanwhile: the family names it most likely means, out of turn.
      for (let range = this.#wanted.shift(); range; range = this.#wanted.shift())
        this.#add(await patientsInRange(db.patients, range, WANTED_MAX));
    }
    this.#applyArrived();
    this.#arrived = null;
    this.loaded = true;
    this.#version++;
    performance.mark('clinicdesk:patients-loaded', { detail: { read: this.read } });
  }

  /** Patients that can be found on this device (so far, while `loaded` is false). */
  get size(): number {
    void this.#version;
    return this.#index.size;
  }

  search(text: string, limit: number): SearchResult<PatientListing> {
    void this.#version;
    if (!this.loaded) this.#want(text);
    const start = performance.now();
    const result =
      this.loaded || text.trim()
        ? this.#index.search(text, limit)
        : // The list itself while it fills: only rows already in their final place, so that no
          // row moves under a finger about to tap it; search results, by contrast, show every
          // match found so far.
          {
            total: this.#index.size,
            shown:
              this.#settledBelow === null
                ? []
                : this.#index.listedBefore(this.#settledBelow, limit),
          };
    performance.measure('clinicdesk:patient-search', {
      start,
      detail: { length: text.length, total: result.total, loaded: this.loaded },
    });
    return result;
  }

  /**
   * Puts records read from the database, then the changes that arrived while they were read
   * (which may be newer): every read is followed by this, so the latest state always wins.
   */
  #add(records: RxDocumentData<Patient>[]): void {
    this.#index.putMany(records.map((doc) => listing(doc as StoredPatient)));
    this.#applyArrived();
    this.#version++;
  }

  /** Asks for the family names a search typed before the whole list is read. */
  #want(text: string): void {
    const query = parsePatientQuery(text);
    if (query.kind !== 'names') return;
    for (const word of query.words) {
      if (word.length < WANTED_WORD_MIN || this.#asked.has(word)) continue;
      this.#asked.add(word);
      this.#wanted.push(...likelyFamilyNameRanges(word));
    }
  }

  #applyArrived(): void {
    const arrived = this.#arrived ?? [];
    this.#arrived = [];
    for (const bulk of arrived) this.#apply(bulk);
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

/** A macrotask break: rendering and input run before the next page is read. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
