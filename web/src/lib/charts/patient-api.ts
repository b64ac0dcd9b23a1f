import type {
  DuplicatePair,
  DuplicatePairsResponse,
} from '@clinicdesk/shared/charts/duplicate-review.ts';
import type { HistoryEntry } from '@clinicdesk/shared/patients/patient-history.ts';
import type { ConflictWriters } from '@clinicdesk/shared/sync/conflict-writers.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@clinicdesk/shared/sync/protocol.ts';
import { type ApiOutcome, requestJson } from '../api/http.ts';

/** Patient services that live on the server: duplicate review and change history. */

const headers = (deviceId: string) => ({
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  [DEVICE_HEADER]: deviceId,
});

export async function fetchDuplicatePairs(deviceId: string): Promise<ApiOutcome<DuplicatePair[]>> {
  const outcome = await requestJson<DuplicatePairsResponse>('/api/patients/duplicates', {
    headers: headers(deviceId),
  });
  return outcome.ok ? { ok: true, value: outcome.value.pairs } : outcome;
}

export function dismissDuplicatePair(
  deviceId: string,
  pair: { firstId: string; secondId: string },
): Promise<ApiOutcome<{ ok: true }>> {
  return requestJson('/api/patients/duplicates/dismiss', {
    method: 'POST',
    headers: headers(deviceId),
    body: JSON.stringify({ firstId: pair.firstId, secondId: pair.secondId }),
  });
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
  return requestJson<PatientHistoryAnswer>(
    `/api/patients/${encodeURIComponent(patientId)}/history`,
    { headers: headers(deviceId) },
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
