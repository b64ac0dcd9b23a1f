import type { Workspace } from '../workspace.ts';
import { type LivePatientIndex, patientIndex } from './patient-index.svelte.ts';

const SHOWN_MAX = 100;

/**
 * The patient list behind the search box: the device's search index, asked again as the
 * receptionist types and whenever a change arrives from sync. Only the rows shown are held here.
 */
export class PatientDirectory {
  query = $state('');
  readonly #index: LivePatientIndex;

  constructor(workspace: Workspace) {
    this.#index = patientIndex(workspace.db);
  }

  get loaded(): boolean {
    return this.#index.loaded;
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
