import { activeChartId } from '@clinicdesk/shared/charts/merge-charts.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { type DocumentSource, readDocument } from '../db/documents.svelte.ts';

/** The chart in use for a merged-away chart: follows the chain of merges on this device. */
export async function findActiveChartId(source: DocumentSource, chart: Patient): Promise<string> {
  const links = new Map<string, string | undefined>([[chart.id, chart.mergedInto]]);
  let next = chart.mergedInto;
  while (next !== undefined && !links.has(next)) {
    links.set(next, (await readDocument(source, 'patient', next))?.mergedInto);
    next = links.get(next);
  }
  return activeChartId(chart.id, (id) => links.get(id));
}
