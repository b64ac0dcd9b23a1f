import type { PatientListing } from '../../patients/patient-index.svelte.ts';
import { PatientLookup } from '../../patients/patient-lookup.svelte.ts';
import { liveDocument } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';
import { patientName } from './patient-names.svelte.ts';

/**
 * Choosing the patient a document belongs to (or filtering by one): a search box over the
 * device's patient index, and the patient chosen, named from their record. Until someone
 * chooses, the patient is `proposed()` (the document's own, or the inbox's suggestion).
 */
export class PatientChoice {
  readonly #lookup: PatientLookup;
  readonly #workspace: Workspace;
  readonly #proposed: () => string | undefined;
  /** undefined: nobody chose yet; null: chosen "no patient". */
  #chosen = $state<string | null | undefined>(undefined);
  readonly #id = $derived(
    this.#chosen === undefined ? this.#proposedId() : (this.#chosen ?? undefined),
  );
  readonly #record = $derived.by(() =>
    this.#id === undefined ? null : liveDocument(this.#workspace, 'patient', this.#id),
  );

  constructor(workspace: Workspace, proposed: () => string | undefined = () => undefined) {
    this.#workspace = workspace;
    this.#proposed = proposed;
    this.#lookup = new PatientLookup(workspace, 8);
  }

  #proposedId(): string | undefined {
    return this.#proposed();
  }

  /** The patient's id; undefined for none (a practice paper, or no filter). */
  get id(): string | undefined {
    return this.#id;
  }

  /** Someone chose (a patient, or none) instead of what was proposed. */
  get chosen(): boolean {
    return this.#chosen !== undefined;
  }

  get query(): string {
    return this.#lookup.query;
  }
  set query(text: string) {
    this.#lookup.query = text;
  }

  /** Patients matching what was typed (charts merged away left out). */
  get found(): PatientListing[] {
    return (this.#lookup.found?.shown ?? []).filter((patient) => !patient.mergedInto);
  }

  /** The chosen patient's name, or null for none; "…" while read. */
  get name(): string | null {
    if (this.#id === undefined) return null;
    const patient = this.#record?.current;
    if (patient === undefined) return '…';
    return patient ? patientName(patient) : 'A patient not on this device';
  }

  /** The chosen patient's record is on this device: undefined while it is read (or none chosen). */
  get onDevice(): boolean | undefined {
    if (this.#id === undefined) return undefined;
    const patient = this.#record?.current;
    return patient === undefined ? undefined : patient !== null;
  }

  get dateOfBirth(): string | undefined {
    return this.#record?.current?.dateOfBirth ?? undefined;
  }

  choose(id: string | undefined): void {
    this.#chosen = id ?? null;
    this.#lookup.query = '';
  }

  /** Back to what was proposed. */
  reset(): void {
    this.#chosen = undefined;
    this.#lookup.query = '';
  }
}
