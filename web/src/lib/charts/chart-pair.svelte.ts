import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { liveDocuments } from '../db/documents.svelte.ts';
import type { Workspace } from '../workspace.ts';

/** Two charts a person is about to merge, kept live as sync and other tabs change them. */
export class ChartPair {
  readonly #firstId: string;
  readonly #secondId: string;
  readonly #charts: { readonly current: ReadonlyMap<string, Patient> | undefined };

  constructor(workspace: Workspace, firstId: string, secondId: string) {
    this.#firstId = firstId;
    this.#secondId = secondId;
    this.#charts = liveDocuments(workspace, 'patient', [firstId, secondId]);
  }

  /** The device has answered (either chart may still be missing). */
  get loaded(): boolean {
    return this.#charts.current !== undefined;
  }

  /** Each chart, or undefined while it is not on this device. */
  get first(): Patient | undefined {
    return this.#charts.current?.get(this.#firstId);
  }

  get second(): Patient | undefined {
    return this.#charts.current?.get(this.#secondId);
  }
}
