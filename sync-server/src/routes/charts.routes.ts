import { Hono } from 'hono';
import {
  duplicatePairRefSchema,
  type DuplicatePairsResponse,
} from '@clinicdesk/shared/charts/duplicate-review.ts';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { conflictWriters, type ConflictWriters } from '@clinicdesk/shared/sync/conflict-writers.ts';
import { type HistoryEntry, patientHistory } from '@clinicdesk/shared/patients/patient-history.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { wireJson } from '../http/wire-json.ts';
import { readJson, requireJson } from '../middleware/json-body.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { DuplicatesService } from '../services/duplicates.service.ts';
import type { Store } from '../storage/store.ts';

const DUPLICATES_SHOWN_MAX = 200;

/**
 * A patient's change history, and who (by the server's sessions) made each side of every
 * conflict the record has had, for the conflict inbox.
 */
export type PatientHistoryResponse = {
  entries: HistoryEntry[];
  conflicts: Record<string, ConflictWriters>;
};

/** Chart services that need the server (ADR 9): a chart's change history and duplicate review. */
export function createChartRoutes(deps: {
  store: Store;
  clock: () => Date;
  duplicates: DuplicatesService;
}) {
  const client = syncClient('headers', deps);
  return new Hono<AppEnv>()
    .get('/duplicates', client, requireFeature('charts.merge'), async (c) => {
      const pairs = await deps.duplicates.list(DUPLICATES_SHOWN_MAX);
      return wireJson<DuplicatePairsResponse, 200>(c, { pairs }, 200);
    })
    .post(
      '/duplicates/dismiss',
      client,
      requireFeature('charts.merge'),
      requireJson<{ firstId: string; secondId: string }>({ maxBytes: 1024 }),
      async (c) => {
        const parsed = duplicatePairRefSchema.safeParse(await readJson(c.req));
        if (!parsed.success) return apiError(c, 'invalid-request', 'Name the two charts by id');
        const by = { userId: c.get('session').user.id, deviceId: c.get('deviceId') };
        const found = await deps.duplicates.dismiss(parsed.data.firstId, parsed.data.secondId, by);
        if (!found) return apiError(c, 'not-found', 'These two charts are not on the review list');
        return c.json({ ok: true as const }, 200);
      },
    )
    .get('/:id/history', client, requireFeature('charts.history'), async (c) => {
      const id = c.req.param('id');
      if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found');
      const versions = await deps.store.charts.documentHistory('patients', id);
      if (versions.length === 0) return apiError(c, 'not-found', 'No such patient on the server');
      const history = { entries: patientHistory(versions), conflicts: conflictWriters(versions) };
      return c.json(history satisfies PatientHistoryResponse, 200);
    });
}
