import { birthDatesAfter } from '@clinicdesk/shared/dates/plausible-dates.ts';
import type { RowRejection } from '@clinicdesk/shared/sync/protocol.ts';
import type { ChartStore } from '../storage/chart-store.ts';
import type { PushRowInput } from '../storage/store.ts';
import { refuseTakenChartNumbers } from './chart-number-holders.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the server checks of pushed patients beyond the schema, which has neither a clock nor
 * the store: a birth date after today, and a chart number another chart holds. Each bad row is
 * refused on its own.
 */
export function patientPushChecks(deps: {
  charts: Pick<ChartStore, 'chartNumberHolders'>;
  clock: () => Date;
}) {
  return async (rows: readonly PushRowInput[]): Promise<RowRejection[]> => {
    // A day of grace: a desk east of UTC is already in tomorrow.
    const latest = new Date(deps.clock().getTime() + DAY_MS).toISOString().slice(0, 10);
    const future = rows.flatMap((row): RowRejection[] => {
      const paths = birthDatesAfter(row.next, latest);
      if (paths.length === 0) return [];
      const message = 'A date of birth cannot be in the future';
      return [
        {
          id: row.next.id,
          code: 'invalid-document',
          message,
          issues: paths.map((path) => ({ path, message })),
        },
      ];
    });
    const refused = new Set(future.map((row) => row.id));
    const rest = rows.filter((row) => !refused.has(row.next.id));
    return [...future, ...(await refuseTakenChartNumbers(deps.charts, rest))];
  };
}
