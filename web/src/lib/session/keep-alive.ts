import { api } from '../api/client.ts';
import { requestJson } from '../api/http.ts';
import type { SyncStatus } from '../sync/sync-status.svelte.ts';

/** Under the server's 30-minute idle limit, with room for a slow network. */
const EVERY_MS = 4 * 60 * 1000;

/**
 * The server ends a session after 30 minutes without a request, so that an unattended screen
 * stops syncing. A device whose receptionist is typing into local forms makes no request, so
 * real activity (a tap or a key) tells the server, at most every four minutes.
 */
export function keepSessionAliveWhileActive(status: SyncStatus): () => void {
  let last = Date.now();
  const onActivity = () => {
    if (Date.now() - last < EVERY_MS) return;
    last = Date.now();
    void requestJson(() => api.auth.session.$get()).then((outcome) => {
      if (!outcome.ok) status.reportFailure(outcome);
    });
  };
  window.addEventListener('pointerdown', onActivity, { passive: true });
  window.addEventListener('keydown', onActivity, { passive: true });
  return () => {
    window.removeEventListener('pointerdown', onActivity);
    window.removeEventListener('keydown', onActivity);
  };
}
