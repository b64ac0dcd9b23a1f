import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { setPatientField } from '@clinicdesk/shared/patients/register-patient.ts';
import type { ClinicDatabase } from '../db/database.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import { newId } from '../session/device.ts';
import { replaceProvisionalNumbers, topUpChartNumbers } from './chart-numbers.ts';

/** How often the syncing tab checks its stock of chart numbers while the app is open. */
const CHECK_EVERY_MS = 60_000;

export type ChartNumberKeeper = {
  /** Checks the stock now (after a registration, or when the network came back). */
  refill: () => void;
  stop: () => void;
};

/**
 * Keeps this device stocked with chart numbers while it is online, and renumbers patients that
 * got a provisional number. Runs in the syncing (leader) tab only; checks are never run twice at
 * once, and a failed check (offline) waits for the next one.
 */
export function keepChartNumbers(deps: {
  db: ClinicDatabase;
  local: LocalDatabase;
  deviceId: string;
  onProblem: (message: string) => void;
}): ChartNumberKeeper {
  const { db, local } = deps;
  let running: Promise<void> | null = null;
  let again = false;

  async function check(): Promise<void> {
    const outcome = await topUpChartNumbers({
      local,
      deviceId: deps.deviceId,
      newRequestId: newId,
      now: () => new Date(),
    });
    if (!outcome.ok) {
      if (outcome.kind === 'api') deps.onProblem(`Chart numbers: ${outcome.message}`);
      return;
    }
    await replaceProvisionalNumbers(
      local,
      async (patientId, from, to) => {
        const doc = await db.patients.findOne(patientId).exec();
        if (!doc) return false;
        await doc.incrementalModify((latest: Patient) =>
          latest.chartNumber === from
            ? (setPatientField(latest, 'chartNumber', to, new Date()) ?? latest)
            : latest,
        );
        return true;
      },
      async (patientId) => (await db.patients.findOne(patientId).exec()) !== null,
      new Date(),
    );
  }

  function refill(): void {
    if (running) {
      again = true;
      return;
    }
    running = check()
      .catch((error: unknown) => {
        console.error('ClinicDesk could not top up chart numbers', error);
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          refill();
        }
      });
  }

  const timer = setInterval(refill, CHECK_EVERY_MS);
  window.addEventListener('online', refill);
  refill();
  return {
    refill,
    stop() {
      clearInterval(timer);
      window.removeEventListener('online', refill);
    },
  };
}
