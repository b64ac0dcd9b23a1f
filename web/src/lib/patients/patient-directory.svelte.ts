import type { DownloadProgress } from '../sync/download-progress.ts';
import { receivedWholeBefore, syncStatus } from '../sync/sync-status.svelte.ts';
import type { Workspace } from '../workspace.ts';
import { type LivePatientIndex, patientIndex } from './patient-index.svelte.ts';

const SHOWN_MAX = 100;

/**
 * The patient list behind the search box: the device's search index, asked again as the
 * receptionist types, whenever a change arrives from sync and, while the device is still reading
 * its patients at start, after each page it reads. Only the rows shown are held here.
 */
export class PatientDirectory {
  query = $state('');
  readonly #index: LivePatientIndex;
  readonly #person: string;

  constructor(workspace: Workspace) {
    this.#index = patientIndex(workspace.db);
    this.#person = workspace.user.id;
  }

  /**
   * The device may not hold all the clinic's patients yet: they are still coming down from the
   * server (a first sign-in here), so an empty or short list says nothing about the clinic.
   */
  get downloading(): boolean {
    if (syncStatus.downloadsKnown) return 'patients' in syncStatus.downloads;
    // Sync has not started yet (it waits for the first screen): what this device last knew.
    return !receivedWholeBefore(this.#person, 'patients');
  }

  /** How far the patients' download has come (null while not under way or not counted). */
  get download(): DownloadProgress | null {
    return syncStatus.download('patients');
  }

  /** The download waits for the network (or a sign-in) to come back. */
  get downloadPaused(): boolean {
    return syncStatus.connection !== 'online' && syncStatus.connection !== 'connecting';
  }

  /** Every patient on the device has been read: until then counts are "so far". */
  get loaded(): boolean {
    return this.#index.loaded;
  }

  /** Nothing read yet: there is no row to show. */
  get starting(): boolean {
    return !this.#index.loaded && this.#index.read === 0;
  }

  /** Patient records read so far, and on the device (null until counted). */
  get progress(): { read: number; expected: number | null } {
    return { read: this.#index.read, expected: this.#index.expected };
  }

  get total(): number {
    return this.#index.size;
  }

  readonly #result = $derived.by(() => this.#index.search(this.query, SHOWN_MAX));

  /** How many patients match what was typed. */
  get matchCount(): number {
    return this.#result.total;
  }

  get shown() {
    return this.#result.shown;
  }
}
