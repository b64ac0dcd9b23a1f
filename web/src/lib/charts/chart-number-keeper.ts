import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { setPatientField } from '@clinicdesk/shared/patients/register-patient.ts';
import type { ClinicDatabase } from '../db/database.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { newId } from '../session/device.ts';
import type { OutboxLane, PassOutcome } from '../sync/outbox.ts';
import { replaceProvisionalNumbers, topUpChartNumbers } from './chart-numbers.ts';
import { recordOf } from '../db/documents.svelte.ts';

/** How often the syncing tab checks its stock of chart numbers while the app is open. */
const CHECK_EVERY_MS = 60_000;

/**
 * The outbox lane that keeps this device stocked with chart numbers while it is online (a block
 * request waits in the local database until the server answers it) and renumbers patients that
 * got a provisional number. Runs in the syncing (leader) tab only; woken after a registration.
 */
export function chartNumbersLane(deps: {
  db: ClinicDatabase;
  local: LocalDatabase;
  deviceId: string;
}): OutboxLane {
  const { db, local } = deps;

  async function send(): Promise<PassOutcome> {
    const outcome = await topUpChartNumbers({
      local,
      deviceId: deps.deviceId,
      newRequestId: newId,
      now: () => new Date(),
    });
    if (!outcome.ok) return { kind: 'failed', failure: outcome };
    await replaceProvisionalNumbers(
      local,
      async (patientId, from, to) => {
        const doc = await recordOf({ db }, 'patient', patientId);
        if (!doc) return false;
        await doc.incrementalModify((latest: Patient) =>
          latest.chartNumber === from
            ? (setPatientField(latest, 'chartNumber', to, new Date()) ?? latest)
            : latest,
        );
        return true;
      },
      async (patientId) => (await recordOf({ db }, 'patient', patientId)) !== null,
      new Date(),
    );
    return { kind: 'sent' };
  }

  return {
    kind: 'chart numbers',
    what: 'Chart numbers could not be reserved',
    // A block request is the device's own bookkeeping, not a change staff made.
    unsynced: false,
    send,
    count: () => local.chartRequests.count(),
    everyMs: CHECK_EVERY_MS,
  };
}
