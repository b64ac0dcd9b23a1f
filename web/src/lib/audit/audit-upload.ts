import { AUDIT_UPLOAD_MAX_EVENTS } from '@clinicdesk/shared/audit/audit-upload-limit.ts';
import { api, syncHeaders } from '../api/client.ts';
import { requestJson } from '../api/http.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import type { OutboxLane, PassOptions, PassOutcome } from '../sync/outbox.ts';

/**
 * The outbox lane of the views and prints recorded on this device: sent to the server oldest
 * first, in batches, from the syncing tab. An event leaves the local database only once the
 * server has answered that it holds it; a retry of a batch whose answer was lost is recorded
 * once there (event ids). One the server refuses stays on the device (the trail must not lose
 * it) and is reported; the next start tries again.
 */
export function auditEventsLane(deps: { local: LocalDatabase; deviceId: string }): OutboxLane {
  const { local } = deps;

  async function send(options: PassOptions): Promise<PassOutcome> {
    for (;;) {
      if (options.stopped()) return { kind: 'sent' };
      const batch = await local.auditEvents
        .orderBy('deviceTime')
        .limit(AUDIT_UPLOAD_MAX_EVENTS)
        .toArray();
      if (batch.length === 0) return { kind: 'sent' };
      const outcome = await requestJson(() =>
        api.sync.v1.audit.events.$post(
          { json: { events: batch } },
          { headers: syncHeaders(deps.deviceId), init: { signal: options.signal } },
        ),
      );
      if (!outcome.ok) return { kind: 'failed', failure: outcome };
      await local.auditEvents.bulkDelete(batch.map((event) => event.eventId));
    }
  }

  return {
    kind: 'audit events',
    what: 'Audit events could not be uploaded',
    // Views are not changes to records: the strip's unsynced count leaves them out.
    unsynced: false,
    send,
    count: () => local.auditEvents.count(),
  };
}
