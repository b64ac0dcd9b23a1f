import type { HistoryEntry } from '@clinicdesk/shared/patients/patient-history.ts';
import { fetchPatientHistory, serverOnlyProblem } from './chart-api.ts';

/** One patient's change history, fetched from the server when staff ask for it. */
export class PatientHistory {
  entries = $state.raw<HistoryEntry[] | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  private readonly deviceId: string;
  private readonly patientId: string;

  constructor(deviceId: string, patientId: string) {
    this.deviceId = deviceId;
    this.patientId = patientId;
  }

  async load(): Promise<void> {
    this.loading = true;
    const outcome = await fetchPatientHistory(this.deviceId, this.patientId);
    this.loading = false;
    if (outcome.ok) {
      // Newest first: the question is usually "who changed this lately?".
      this.entries = [...outcome.value.entries].reverse();
      this.problem = null;
    } else if (outcome.kind === 'api' && outcome.code === 'not-found') {
      this.entries = null;
      this.problem =
        'This patient has not reached the server yet; the history starts once this device has synced it.';
    } else this.problem = serverOnlyProblem('The change history', outcome);
  }
}
