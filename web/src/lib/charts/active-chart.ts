import { activeChartId } from '@clinicdesk/shared/charts/merge-charts.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import type { ClinicDatabase } from '../db/database.ts';

/** The chart in use for a merged-away chart: follows the chain of merges on this device. */
export async function findActiveChartId(db: ClinicDatabase, chart: Patient): Promise<string> {
  const links = new Map<string, string | undefined>([[chart.id, chart.mergedInto]]);
  let next = chart.mergedInto;
  while (next !== undefined && !links.has(next)) {
    const doc = await db.patients.findOne(next).exec();
    links.set(next, (doc?.toJSON() as Patient | undefined)?.mergedInto);
    next = links.get(next);
  }
  return activeChartId(chart.id, (id) => links.get(id));
}
