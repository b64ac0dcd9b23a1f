import { Hono } from 'hono';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { DispositionService } from '../services/disposition.service.ts';
import type { Store } from '../storage/store.ts';

/** One line of the disposition review, as the office manager's screen shows it. */
export type DispositionEntry = {
  id: string;
  title: string;
  patientId?: string | undefined;
  endsOn?: string;
  daysOverdue?: number;
  rule: { id: string; name: string };
  holds?: { id: string; reason: string }[];
  missing?: string;
};

/**
 * Retention and disposition under `/api/filing` (issue 12.7): the review queue and the
 * destruction of a document that is due. The office manager's alone (`filing.disposition`).
 */
export function createFilingRoutes(deps: {
  store: Store;
  clock: () => Date;
  disposition: DispositionService;
}) {
  const client = syncClient('headers', deps);
  const guard = requireFeature('filing.disposition');
  return new Hono<AppEnv>()
    .get('/disposition', client, guard, async (c) => {
      const queue = await deps.disposition.queue();
      const rule = (r: { id: string; name: string }) => ({ id: r.id, name: r.name });
      const base = (d: { id: string; title: string; patientId?: string | undefined }) => ({
        id: d.id,
        title: d.title,
        ...(d.patientId ? { patientId: d.patientId } : {}),
      });
      return c.json(
        {
          due: queue.due.map((e): DispositionEntry => ({ ...base(e.document), endsOn: e.endsOn, daysOverdue: e.daysOverdue, rule: rule(e.rule) })), // prettier-ignore
          held: queue.held.map((e): DispositionEntry => ({ ...base(e.document), endsOn: e.endsOn, rule: rule(e.rule), holds: e.holds.map((h) => ({ id: h.id, reason: h.reason })) })), // prettier-ignore
          cannotCompute: queue.cannotCompute.map((e): DispositionEntry => ({ ...base(e.document), rule: rule(e.rule), missing: e.message })), // prettier-ignore
        },
        200,
      );
    })
    .post('/documents/:id/destroy', client, guard, async (c) => {
      const id = c.req.param('id');
      if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found', 'No such document is stored');
      const { user } = c.get('session');
      const result = await deps.disposition.destroy(id, {
        userId: user.id,
        username: user.username,
        deviceId: c.get('deviceId'),
      });
      if (!result.ok) return apiError(c, result.error.code, result.error.message);
      return c.json({ destroyed: id, seq: result.value.seq }, 200);
    });
}
