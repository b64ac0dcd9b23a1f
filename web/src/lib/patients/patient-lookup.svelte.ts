import type { Workspace } from '../workspace.ts';
import { type LivePatientIndex, patientIndex } from './patient-index.svelte.ts';

/**
 * A search box that offers a few patients (the check-in board's): the device's one search index,
 * asked again as the receptionist types and as changes arrive.
 */
export class PatientLookup {
  query = $state('');
  readonly #index: LivePatientIndex;
  readonly #shown: number;

  constructor(workspace: Workspace, shown: number) {
    this.#index = patientIndex(workspace.db);
    this.#shown = shown;
  }

  /** The patients matching what was typed (nothing typed: null). */
  readonly found = $derived.by(() =>
    this.query.trim() ? this.#index.search(this.query, this.#shown) : null,
  );

  /** Every patient on the device has been read: until then matches are "so far". */
  get loaded(): boolean {
    return this.#index.loaded;
  }
}
