import {
  type CheckInPolicy,
  checkInReadiness,
  type ReadinessItem,
} from '@clinicdesk/shared/checkin/check-in-readiness.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { today } from '../clock.ts';
import { liveDocument } from '../db/documents.svelte.ts';
import { liveCheckInPolicy } from './check-in-policy.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * The check-in confirmation of one patient: their record, live (a fix made on the chart in
 * another tab clears its item here), and what is missing or stale on it today.
 */
export class CheckInConfirmation {
  readonly day = today();
  readonly #record: { readonly current: Patient | null | undefined };
  readonly #policy: { readonly current: CheckInPolicy };

  constructor(workspace: Workspace, patientId: string) {
    this.#record = liveDocument(workspace, 'patient', patientId);
    this.#policy = liveCheckInPolicy(workspace, this.day);
  }

  /** The record; `undefined` while the device reads it, `null` when it is not on this device. */
  get patient(): Patient | null | undefined {
    return this.#record.current;
  }

  /** What to confirm or collect before the patient sits down. */
  readonly items = $derived.by((): ReadinessItem[] =>
    this.patient ? checkInReadiness(this.patient, this.day, this.#policy.current) : [],
  );

  /** The address and phone are to be read back to the patient (never confirmed, or long ago). */
  readonly needsConfirmation = $derived(
    this.items.some(
      (item) => item.code === 'demographics-unconfirmed' || item.code === 'demographics-stale',
    ),
  );
}
