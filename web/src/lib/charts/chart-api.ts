import type { DuplicatePair } from '@clinicdesk/shared/charts/duplicate-review.ts';
import type { HistoryEntry } from '@clinicdesk/shared/patients/patient-history.ts';
import type { ConflictWriters } from '@clinicdesk/shared/sync/conflict-writers.ts';
import { api, syncHeaders } from '../api/client.ts';
import { type ApiOutcome, requestJson } from '../api/http.ts';

/** Patient services that live on the server: duplicate review and change history. */

export async function fetchDuplicatePairs(deviceId: string): Promise<ApiOutcome<DuplicatePair[]>> {
  const outcome = await requestJson(() =>
    api.charts.duplicates.$get({}, { headers: syncHeaders(deviceId) }),
  );
  return outcome.ok ? { ok: true, value: outcome.value.pairs } : outcome;
}

export function dismissDuplicatePair(
  deviceId: string,
  pair: { firstId: string; secondId: string },
): Promise<ApiOutcome<{ ok: true }>> {
  return requestJson(() =>
    api.charts.duplicates.dismiss.$post(
      { json: { firstId: pair.firstId, secondId: pair.secondId } },
      { headers: syncHeaders(deviceId) },
    ),
  );
}

/** A patient's history, and the server's writers of both sides of each of its conflicts. */
export type PatientHistoryAnswer = {
  entries: HistoryEntry[];
  conflicts: Record<string, ConflictWriters>;
};

export function fetchPatientHistory(
  deviceId: string,
  patientId: string,
): Promise<ApiOutcome<PatientHistoryAnswer>> {
  // The client puts a path parameter in as it is given: encoded here, as a path segment.
  return requestJson(() =>
    api.charts[':id'].history.$get(
      { param: { id: encodeURIComponent(patientId) } },
      { headers: syncHeaders(deviceId) },
    ),
  );
}

/** What staff read when a server-only view cannot be loaded. */
export function serverOnlyProblem(
  what: string,
  outcome: { kind: string; message: string },
): string {
  return outcome.kind === 'network'
    ? `${what} is kept on the server, which this device cannot reach right now. It appears here once the device is back online.`
    : outcome.message;
}
