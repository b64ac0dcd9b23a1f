import { Hono } from 'hono';
import {
  type ChartNumberBlockRequest,
  chartNumberBlockRequestSchema,
} from '@clinicdesk/shared/charts/chart-number-block.schema.ts';
import {
  CHART_BLOCK_SIZE,
  type ChartNumberBlockResponse,
} from '@clinicdesk/shared/charts/chart-number.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { readJson, requireJson } from '../middleware/json-body.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { Store } from '../storage/store.ts';

/**
 * `POST /chart-numbers` under `/api/sync/v1`: reserves the next block of chart numbers for the
 * device (ADR 9). The device sends a fresh request id per block it wants and repeats it when an
 * answer got lost, so a retry gets the same block back.
 */
export function createChartNumberRoutes(deps: { store: Store; clock: () => Date }) {
  return new Hono<AppEnv>().post(
    '/chart-numbers',
    syncClient('headers', deps),
    requireFeature('charts.numbers'),
    requireJson<ChartNumberBlockRequest>({ maxBytes: 1024 }),
    async (c) => {
      const parsed = chartNumberBlockRequestSchema.safeParse(await readJson(c.req));
      if (!parsed.success)
        return apiError(c, 'invalid-request', 'Send { "requestId": "<lowercase UUID>" }');
      const block = await deps.store.charts.reserveChartSerials({
        requestId: parsed.data.requestId,
        deviceId: c.get('deviceId'),
        userId: c.get('session').user.id,
        count: CHART_BLOCK_SIZE,
        at: deps.clock(),
      });
      return c.json({ block } satisfies ChartNumberBlockResponse, 200);
    },
  );
}
