import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { liveDocuments } from '../../db/documents.svelte.ts';
import type { Workspace } from '../../workspace.ts';

/** How a patient is named on the filing screens. */
export function patientName(patient: Pick<Patient, 'givenName' | 'familyName'>): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/**
 * The names of the patients a list of documents refers to, read from the patients partition
 * (as the arrivals board names its patients) for the ids asked for now, kept live.
 */
export class PatientNames {
  readonly #workspace: Workspace;
  readonly #ids: () => readonly (string | undefined)[];
  readonly #key = $derived.by(() =>
    this.#ids()
      .filter((id, i, all): id is string => id !== undefined && all.indexOf(id) === i)
      .sort()
      .join(','),
  );
  // Derived values are read lazily, after the constructor has set the fields they use.
  readonly #people = $derived.by(() =>
    liveDocuments(this.#workspace, 'patient', this.#key ? this.#key.split(',') : []),
  );

  constructor(workspace: Workspace, ids: () => readonly (string | undefined)[]) {
    this.#workspace = workspace;
    this.#ids = ids;
  }

  /** The patient, once read; null when not on this device. */
  patient(id: string | undefined): Patient | null | undefined {
    if (id === undefined) return null;
    const people = this.#people.current;
    return people === undefined ? undefined : (people.get(id) ?? null);
  }

  /** "Ana Núñez"; "Practice paper" for none; a plain word while it is read or not here. */
  name(id: string | undefined): string {
    if (id === undefined) return 'Practice paper (no patient)';
    const patient = this.patient(id);
    if (patient === undefined) return '…';
    return patient ? patientName(patient) : 'A patient not on this device';
  }
}
