import { AUDIT_UPLOAD_MAX_EVENTS } from '@clinicdesk/shared/audit/audit-upload-limit.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { liveQuery, type Subscription } from 'dexie';
import { requestJson, type ApiFailure } from '../api/http.ts';
import { retryDelay } from '../blobs/upload-queue.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import type { SyncStatus } from '../sync/sync-status.svelte.ts';

export const AUDIT_UPLOAD_PATH = `${SYNC_BASE_PATH}/audit/events`;

export type AuditUpload = { retryNow: () => void; stop: () => Promise<void> };

/**
 * Sends the views and prints recorded on this device to the server, oldest first, in batches,
 * from the syncing tab. An event leaves the local database only once the server has answered
 * that it holds it; a retry of a batch whose answer was lost is recorded once there (event ids).
 * Without a network it waits and tries again with backoff, and at once when the browser is
 * back online or a new event is recorded.
 */
export function startAuditUpload(deps: {
  local: LocalDatabase;
  deviceId: string;
  status: SyncStatus;
}): AuditUpload {
  const { local, status } = deps;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let attempts = 0;
  /** The server refused a batch for good: no more tries until the app starts again. */
  let refused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function run(): void {
    if (stopped || refused) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = uploadAll()
      .catch((error: unknown) => {
        console.error('ClinicDesk could not upload audit events', error);
        retryLater();
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  }

  async function uploadAll(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const batch = await local.auditEvents
        .orderBy('deviceTime')
        .limit(AUDIT_UPLOAD_MAX_EVENTS)
        .toArray();
      if (batch.length === 0) return;
      const outcome = await requestJson<{ recorded: number }>(AUDIT_UPLOAD_PATH, {
        method: 'POST',
        headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: deps.deviceId },
        body: JSON.stringify({ events: batch }),
      });
      if (!outcome.ok) return handleFailure(outcome);
      attempts = 0;
      await local.auditEvents.bulkDelete(batch.map((event) => event.eventId));
    }
  }

  function handleFailure(failure: ApiFailure): void {
    if (
      failure.kind === 'network' ||
      [401, 408, 426, 429].includes(failure.status) ||
      failure.status >= 500
    ) {
      retryLater();
      return;
    }
    // Kept on the device (the trail must not lose them) and reported; the next start retries.
    refused = true;
    status.lastProblem = `Audit events could not be uploaded: ${failure.message}`;
  }

  function retryLater(): void {
    attempts += 1;
    clearTimeout(timer);
    timer = setTimeout(run, retryDelay(attempts, Math.random()));
  }

  const onOnline = () => run();
  window.addEventListener('online', onOnline);
  // A view recorded in any tab of this user wakes the upload.
  const watch: Subscription = liveQuery(() => local.auditEvents.count()).subscribe({
    next: (count) => {
      if (count > 0) run();
    },
    error: (error: unknown) => console.error('ClinicDesk could not watch audit events', error),
  });

  return {
    retryNow: () => {
      attempts = 0;
      run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      watch.unsubscribe();
      await running;
    },
  };
}
