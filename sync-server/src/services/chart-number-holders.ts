import { isProvisionalChartNumber } from '@clinicdesk/shared/charts/chart-number.ts';
import type { RowRejection } from '@clinicdesk/shared/sync/protocol.ts';
import type { ChartStore } from '../storage/chart-store.ts';
import type { PushRowInput } from '../storage/store.ts';

const TAKEN = 'This chart number belongs to another chart';

/**
 * Refuses pushed patients whose chart number another chart holds (stored, or pushed beside it).
 * Chart numbers come from blocks the server reserves per device, so two charts never hold one
 * honestly: a second holder is a crafted or corrupted record, and keeping it would file one
 * person's papers under another's number. A chart keeps its number for good (merged or
 * removed), so every holder counts. A provisional number (`P-<device tag>-<n>`, given offline)
 * is left alone: two devices' tags can coincide, and the number is replaced by a reserved one.
 * Two pushes racing with the same number are not caught here (no lock), only every later one.
 */
export async function refuseTakenChartNumbers(
  charts: Pick<ChartStore, 'chartNumberHolders'>,
  rows: readonly PushRowInput[],
): Promise<RowRejection[]> {
  const numbered = rows.filter(
    (row) =>
      typeof row.next.chartNumber === 'string' && !isProvisionalChartNumber(row.next.chartNumber),
  );
  if (numbered.length === 0) return [];
  const holders = new Map<string, Set<string>>();
  const hold = (chartNumber: string, id: string) =>
    holders.set(chartNumber, (holders.get(chartNumber) ?? new Set()).add(id));
  const numbers = numbered.map((row) => row.next.chartNumber as string);
  for (const { chartNumber, id } of await charts.chartNumberHolders([...new Set(numbers)]))
    hold(chartNumber, id);
  for (const row of numbered) hold(row.next.chartNumber as string, row.next.id);
  return numbered
    .filter((row) => (holders.get(row.next.chartNumber as string)?.size ?? 0) > 1)
    .map((row) => ({
      id: row.next.id,
      code: 'invalid-document',
      message: TAKEN,
      issues: [{ path: 'chartNumber', message: TAKEN }],
    }));
}
