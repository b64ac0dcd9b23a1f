import {
  CHART_NUMBERS_LOW,
  chartNumber,
  deviceTag,
  provisionalChartNumber,
} from '@clinicdesk/shared/charts/chart-number.ts';
import { apiClient, syncHeaders } from '../api/client.ts';
import { type ApiOutcome, requestJson } from '../api/http.ts';
import type { LocalDatabase } from '../db/local-db.ts';

/**
 * This device's chart numbers (ADR 9): blocks the server reserved for it, kept in the local
 * Dexie database (strict durability) so a new patient gets a number at once, offline, that no
 * other device can give. Out of numbers and offline, it hands out a provisional number and
 * replaces it with a real one as soon as it has reserved more.
 */

export type TakenChartNumber = { number: string; provisional: boolean };

/** Takes the next unused number (in one transaction, so two tabs never take the same one). */
export async function takeChartNumber(
  local: LocalDatabase,
  deviceId: string,
  patientId: string,
  now: Date,
): Promise<TakenChartNumber> {
  return local.transaction(
    'rw',
    [local.chartBlocks, local.chartCounters, local.provisionalCharts],
    async () => {
      const serial = await takeSerial(local);
      if (serial !== null) return { number: chartNumber(serial), provisional: false };
      const counter = ((await local.chartCounters.get('provisional'))?.value ?? 0) + 1;
      await local.chartCounters.put({ name: 'provisional', value: counter });
      const number = provisionalChartNumber(deviceTag(deviceId), counter);
      // Remembered before the patient is saved: if the save never happens, the replacement
      // step finds no such patient and forgets the entry.
      await local.provisionalCharts.put({ patientId, number, at: now.toISOString() });
      return { number, provisional: true };
    },
  );
}

async function takeSerial(local: LocalDatabase): Promise<number | null> {
  const block = await local.chartBlocks.orderBy('first').first();
  if (!block) return null;
  if (block.next >= block.last) await local.chartBlocks.delete(block.first);
  else await local.chartBlocks.put({ ...block, next: block.next + 1 });
  return block.next;
}

/** Unused reserved numbers on this device. */
export async function chartNumbersLeft(local: LocalDatabase): Promise<number> {
  const blocks = await local.chartBlocks.toArray();
  return blocks.reduce((sum, block) => sum + block.last - block.next + 1, 0);
}

export type TopUpDeps = {
  local: LocalDatabase;
  deviceId: string;
  fetch?: typeof fetch;
  baseUrl?: string;
  newRequestId: () => string;
  now: () => Date;
};

/**
 * Reserves another block when fewer than CHART_NUMBERS_LOW numbers are left. The request id is
 * stored before it is sent and kept until its block is stored, so an answer lost on the way
 * gets the same block on the next try instead of wasting one.
 */
export async function topUpChartNumbers(deps: TopUpDeps): Promise<ApiOutcome<number>> {
  const { local } = deps;
  const api = apiClient({ baseUrl: deps.baseUrl, fetch: deps.fetch });
  let left = await chartNumbersLeft(local);
  while (left < CHART_NUMBERS_LOW) {
    const pending = await local.chartRequests.toCollection().first();
    const requestId = pending?.requestId ?? deps.newRequestId();
    if (!pending) await local.chartRequests.put({ requestId, at: deps.now().toISOString() });
    const outcome = await requestJson(() =>
      api.sync.v1['chart-numbers'].$post(
        { json: { requestId } },
        { headers: syncHeaders(deps.deviceId) },
      ),
    );
    if (!outcome.ok) return outcome;
    const { first, last } = outcome.value.block;
    await local.transaction('rw', [local.chartBlocks, local.chartRequests], async () => {
      // A block already stored (a retry answered twice) is not added again.
      if (!(await local.chartBlocks.get(first)))
        await local.chartBlocks.put({ first, last, next: first });
      await local.chartRequests.delete(requestId);
    });
    left = await chartNumbersLeft(local);
  }
  return { ok: true, value: left };
}

/** Entries younger than this may belong to a registration still being saved: left for later. */
const PROVISIONAL_GRACE_MS = 10 * 60_000;

/**
 * Gives each patient registered here with a provisional number a real one. `renumber` sets the
 * patient's chart number if it is still the provisional one (someone may have corrected it) and
 * returns false when the patient is not on this device.
 */
export async function replaceProvisionalNumbers(
  local: LocalDatabase,
  renumber: (patientId: string, from: string, to: string) => Promise<boolean>,
  hasPatient: (patientId: string) => Promise<boolean>,
  now: Date,
): Promise<number> {
  let replaced = 0;
  for (const entry of await local.provisionalCharts.toArray()) {
    if (!(await hasPatient(entry.patientId))) {
      // A registration that never got saved (the app closed in between): nothing to renumber.
      if (now.getTime() - Date.parse(entry.at) > PROVISIONAL_GRACE_MS)
        await local.provisionalCharts.delete(entry.patientId);
      continue;
    }
    const serial = await local.transaction('rw', local.chartBlocks, () => takeSerial(local));
    if (serial === null) break;
    await renumber(entry.patientId, entry.number, chartNumber(serial));
    await local.provisionalCharts.delete(entry.patientId);
    replaced += 1;
  }
  return replaced;
}
